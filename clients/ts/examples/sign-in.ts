// Sign in with USER_PASSWORD_AUTH and handle every outcome. The `never` in the default branch makes
// the compiler reject this file when the proto gains an arm that is not handled here.
//   IDP_GRPC_ADDR=127.0.0.1:50151 IDP_CLIENT_ID=… USERNAME=… PASSWORD=… node dist/examples/sign-in.js
import { AuthFlow, createAuthClient, type InitiateAuthResponse, type ResultOf } from "../src/index.js";

export function describeOutcome(result: ResultOf<InitiateAuthResponse>): string {
  switch (result.$case) {
    case "authenticationResult":
      return `signed in; the access token expires in ${result.value.expiresIn}s`;
    case "challenge":
      return `answer the challenge ${result.value.challengeName} with RespondToAuthChallenge`;
    case "notAuthorized":
      return `not authorized: ${result.value.message}`; // also what an unknown user gets
    case "passwordResetRequired":
      return "reset the password with ForgotPassword first";
    case "userNotConfirmed":
      return "confirm the sign-up first";
    case "userNotFound":
      return "no such user"; // only when the client's PreventUserExistenceErrors is LEGACY
    case "tooManyRequests":
      return "slow down and retry";
    case "invalidParameter":
      return `bad request: ${result.value.message} (${result.value.field})`;
    case "resourceNotFound":
    case "unsupportedOperation":
    case "invalidUserPoolConfiguration":
      return `misconfigured client: ${result.value.message}`;
    case "userLambdaValidation":
    case "unexpectedLambda":
    case "invalidLambdaResponse":
      return `a trigger failed: ${result.value.message}`;
    default: {
      const unhandled: never = result;
      throw new Error(`unhandled outcome ${JSON.stringify(unhandled)}`);
    }
  }
}

async function main(): Promise<void> {
  const { IDP_GRPC_ADDR, IDP_CLIENT_ID, USERNAME, PASSWORD } = process.env;
  if (!IDP_GRPC_ADDR || !IDP_CLIENT_ID || !USERNAME || !PASSWORD) {
    console.error("set IDP_GRPC_ADDR, IDP_CLIENT_ID, USERNAME and PASSWORD");
    process.exitCode = 2;
    return;
  }
  const auth = createAuthClient(IDP_GRPC_ADDR);
  try {
    const result = await auth.initiateAuth(
      {
        clientId: IDP_CLIENT_ID,
        authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH,
        authParameters: { USERNAME, PASSWORD },
      },
      { timeoutMs: 5_000 },
    );
    console.log(describeOutcome(result));
  } finally {
    auth.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
