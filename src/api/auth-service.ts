import type { AuthServiceServer } from "../gen/identity/v1/auth_service.js";
import { changePassword } from "../flows/auth/change-password.js";
import { confirmForgotPassword } from "../flows/auth/confirm-forgot-password.js";
import { forgotPassword } from "../flows/auth/forgot-password.js";
import { confirmSignUp } from "../flows/auth/confirm-sign-up.js";
import { getJwks } from "../flows/auth/get-jwks.js";
import { getUser } from "../flows/auth/get-user.js";
import { globalSignOut } from "../flows/auth/global-sign-out.js";
import { initiateAuth } from "../flows/auth/initiate-auth.js";
import { resendConfirmationCode } from "../flows/auth/resend-confirmation-code.js";
import { respondToAuthChallenge } from "../flows/auth/respond-to-auth-challenge.js";
import { revokeToken } from "../flows/auth/revoke-token.js";
import { signUp } from "../flows/auth/sign-up.js";
import type { Deps } from "../flows/deps.js";
import { getClientToken } from "../flows/m2m/get-client-token.js";
import { unary, type UnaryContext } from "./unary.js";

/** AuthService: each RPC is its flow behind the shared unary adapter. */
export function authService(deps: Deps, context: UnaryContext): AuthServiceServer {
  return {
    signUp: unary(context, "SignUp", (r) => signUp(deps, r)),
    confirmSignUp: unary(context, "ConfirmSignUp", (r) => confirmSignUp(deps, r)),
    resendConfirmationCode: unary(context, "ResendConfirmationCode", (r) => resendConfirmationCode(deps, r)),
    forgotPassword: unary(context, "ForgotPassword", (r) => forgotPassword(deps, r)),
    confirmForgotPassword: unary(context, "ConfirmForgotPassword", (r) => confirmForgotPassword(deps, r)),
    initiateAuth: unary(context, "InitiateAuth", (r) => initiateAuth(deps, r)),
    respondToAuthChallenge: unary(context, "RespondToAuthChallenge", (r) => respondToAuthChallenge(deps, r)),
    getUser: unary(context, "GetUser", (r) => getUser(deps, r)),
    changePassword: unary(context, "ChangePassword", (r) => changePassword(deps, r)),
    globalSignOut: unary(context, "GlobalSignOut", (r) => globalSignOut(deps, r)),
    revokeToken: unary(context, "RevokeToken", (r) => revokeToken(deps, r)),
    getJwks: unary(context, "GetJwks", (r) => getJwks(deps, r)),
    getClientToken: unary(context, "GetClientToken", (r) => getClientToken(deps, r)),
  };
}
