import type { AuthClient, CallOptions, ResultOf } from "./client.js";
import type { InitiateAuthResponse, RespondToAuthChallengeResponse } from "./gen/identity/v1/auth_service.js";
import { AuthFlow, ChallengeName } from "./gen/identity/v1/common.js";
import { secretHash } from "./secret-hash.js";
import { SrpClient } from "./srp.js";

export interface SrpSignInInput {
  readonly clientId: string;
  /** The pool id (`us-east-1_Abc123`): its part after `_` enters the SRP math. */
  readonly poolId: string;
  readonly username: string;
  readonly password: string;
  /** For app clients with a secret: SECRET_HASH is added to both calls. */
  readonly clientSecret?: string;
  readonly clientMetadata?: Readonly<Record<string, string>>;
  /** Options for each of the two calls. */
  readonly callOptions?: CallOptions;
  /** The clock for TIMESTAMP (tests). */
  readonly now?: () => Date;
}

/** The final outcome: InitiateAuth's when it ended the flow, else RespondToAuthChallenge's. */
export type SrpSignInResult = ResultOf<InitiateAuthResponse> | ResultOf<RespondToAuthChallengeResponse>;

/**
 * USER_SRP_AUTH end to end: InitiateAuth with SRP_A, then RespondToAuthChallenge(PASSWORD_VERIFIER)
 * with the password claim (docs/cognito.md §3.3). Any other outcome of the first call, including another
 * challenge, is returned as is; so is the second call's (tokens, a further challenge, not_authorized, …).
 */
export async function signInWithSrp(auth: AuthClient, input: SrpSignInInput): Promise<SrpSignInResult> {
  const srp = new SrpClient(input.poolId);
  const first = await auth.initiateAuth(
    {
      clientId: input.clientId,
      authFlow: AuthFlow.AUTH_FLOW_USER_SRP_AUTH,
      authParameters: {
        USERNAME: input.username,
        SRP_A: srp.srpA,
        ...(input.clientSecret === undefined
          ? {}
          : { SECRET_HASH: secretHash(input.username, input.clientId, input.clientSecret) }),
      },
      clientMetadata: { ...input.clientMetadata },
    },
    input.callOptions,
  );
  if (first.$case !== "challenge" || first.value.challengeName !== ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER) {
    return first;
  }
  const challengeResponses = srp.passwordVerifierResponses(first.value.challengeParameters, input.password, {
    ...(input.now === undefined ? {} : { now: input.now() }),
    ...(input.clientSecret === undefined ? {} : { clientId: input.clientId, clientSecret: input.clientSecret }),
  });
  return auth.respondToAuthChallenge(
    {
      clientId: input.clientId,
      challengeName: ChallengeName.CHALLENGE_NAME_PASSWORD_VERIFIER,
      session: first.value.session,
      challengeResponses,
      clientMetadata: { ...input.clientMetadata },
    },
    input.callOptions,
  );
}
