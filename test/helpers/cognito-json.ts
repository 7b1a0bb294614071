import { ChallengeName } from "../../src/gen/identity/v1/common.js";

type Json = Record<string, unknown>;

/**
 * Our oneof arms as Cognito's JSON (docs/cognito.md §1.2), for the tests that drive amazon-cognito-identity-js
 * through our gRPC contract: success shapes, or thrown `{ code, message }` errors. `onChallenge`
 * sees each challenge the server issues.
 */
export function toCognitoJson(result: { $case: string; value: unknown } | undefined, onChallenge?: (name: string, session: string) => void): Json {
  if (!result) throw { code: "InternalErrorException", message: "empty result" };
  const value = result.value as Json;
  if (result.$case === "authenticationResult") {
    return { AuthenticationResult: { AccessToken: value.accessToken, IdToken: value.idToken, RefreshToken: value.refreshToken, ExpiresIn: value.expiresIn, TokenType: value.tokenType } };
  }
  if (result.$case === "challenge") {
    const name = ChallengeName[value.challengeName as ChallengeName].replace(/^CHALLENGE_NAME_/, "");
    onChallenge?.(name, String(value.session));
    return { ChallengeName: name, ChallengeParameters: value.challengeParameters, Session: value.session === "" ? undefined : value.session };
  }
  const code = `${result.$case[0]!.toUpperCase()}${result.$case.slice(1)}Exception`;
  throw { code, name: code, message: String(value.message) };
}
