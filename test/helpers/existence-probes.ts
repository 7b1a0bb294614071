// The requests of the existence table's rows (src/flows/existence/table.ts PROBES): each probe runs
// its setup (a ForgotPassword before a wrong code, ...) and returns the one call whose answer the
// table states, so the table suite can make it with the generated client and the
// indistinguishability suite with a raw call that keeps the bytes, the status and the metadata.
import * as grpc from "@grpc/grpc-js";
import { expect } from "chai";
import type { Answer, Probe } from "../../src/flows/existence/table.js";
import { maskEmail } from "../../src/flows/delivery/mask.js";
import { AdminServiceService } from "../../src/gen/identity/v1/admin_service.js";
import { AuthServiceService, InitiateAuthResponse, SignUpResponse } from "../../src/gen/identity/v1/auth_service.js";
import { AuthFlow, ChallengeName, DeliveryMedium } from "../../src/gen/identity/v1/common.js";
import type { TestApp } from "./test-app.js";
import { deliveredSince, deliveryTo, NEW_PASSWORD, WRONG_CODE, WRONG_PASSWORD, type Seeded } from "./user-states.js";

export interface ProbeContext {
  readonly t: TestApp;
  readonly poolId: string;
  readonly clientId: string;
  readonly subject: Seeded;
}

type AuthMethod = keyof typeof AuthServiceService;
type AdminMethod = keyof typeof AdminServiceService;
export type FinalCall = { readonly service: "auth"; readonly method: AuthMethod; readonly request: object } | { readonly service: "admin"; readonly method: AdminMethod; readonly request: object };

const auth = (method: AuthMethod, request: object): FinalCall => ({ service: "auth", method, request });
const admin = (method: AdminMethod, request: object): FinalCall => ({ service: "admin", method, request });

const named = ({ clientId, subject }: ProbeContext) => ({ clientId, secretHash: "", username: subject.name, clientMetadata: {} });
const forgot = (ctx: ProbeContext) => auth("forgotPassword", named(ctx));
const confirmForgot = (ctx: ProbeContext, code: string) => auth("confirmForgotPassword", { ...named(ctx), confirmationCode: code, password: NEW_PASSWORD });
const passwordAuth = ({ clientId, subject }: ProbeContext, password: string) => auth("initiateAuth", { clientId, authFlow: AuthFlow.AUTH_FLOW_USER_PASSWORD_AUTH, authParameters: { USERNAME: subject.name, PASSWORD: password }, clientMetadata: {} });
const changePassword = ({ subject }: ProbeContext, previous: string) => auth("changePassword", { accessToken: subject.accessToken ?? "", previousPassword: previous, proposedPassword: NEW_PASSWORD });

export const PROBE_CALLS: Record<Probe, (ctx: ProbeContext) => Promise<FinalCall>> = {
  SignUp: async (ctx) => auth("signUp", { ...named(ctx), password: NEW_PASSWORD, userAttributes: ctx.subject.name.includes("@") ? [] : [{ name: "email", value: ctx.subject.email }], validationData: [] }),
  "ConfirmSignUp, wrong code": async (ctx) => auth("confirmSignUp", { ...named(ctx), confirmationCode: WRONG_CODE, forceAliasCreation: false }),
  "ConfirmSignUp, the code delivered": async (ctx) => auth("confirmSignUp", { ...named(ctx), confirmationCode: ctx.subject.signUpCode ?? WRONG_CODE, forceAliasCreation: false }),
  ResendConfirmationCode: async (ctx) => auth("resendConfirmationCode", named(ctx)),
  ForgotPassword: async (ctx) => forgot(ctx),
  "ConfirmForgotPassword, no code requested": async (ctx) => confirmForgot(ctx, WRONG_CODE),
  "ConfirmForgotPassword, wrong code after ForgotPassword": async (ctx) => {
    await call(ctx.t, forgot(ctx));
    return confirmForgot(ctx, WRONG_CODE);
  },
  "ConfirmForgotPassword, the code delivered": async (ctx) => {
    const mark = await ctx.t.outboxMark(ctx.poolId);
    await call(ctx.t, forgot(ctx));
    return confirmForgot(ctx, (await deliveryTo(ctx.t, ctx.poolId, ctx.subject.email, mark)).code!);
  },
  "InitiateAuth (password), wrong password": async (ctx) => passwordAuth(ctx, WRONG_PASSWORD),
  "InitiateAuth (password), right password": async (ctx) => passwordAuth(ctx, ctx.subject.password),
  "ChangePassword, wrong previous password": async (ctx) => changePassword(ctx, WRONG_PASSWORD),
  "ChangePassword, right previous password": async (ctx) => changePassword(ctx, ctx.subject.password),
  AdminResetUserPassword: async (ctx) => admin("adminResetUserPassword", { userPoolId: ctx.poolId, username: ctx.subject.name, clientMetadata: {} }),
  AdminConfirmSignUp: async (ctx) => admin("adminConfirmSignUp", { userPoolId: ctx.poolId, username: ctx.subject.name, clientMetadata: {} }),
};

type Result = { $case: string; value: Record<string, unknown> } | undefined;

/** Makes the call with the generated clients; the response's `result`. */
export async function call(t: TestApp, final: FinalCall): Promise<Result> {
  const client = (final.service === "auth" ? t.auth : t.admin) as unknown as Record<string, (r: object, m?: grpc.Metadata) => Promise<{ result?: Result }>>;
  const response = await client[final.method]!(final.request, final.service === "admin" ? t.adminMetadata : undefined);
  return response.result;
}

/** Everything a caller can observe of one call. */
export interface Observed {
  readonly bytes: Buffer;
  readonly code: grpc.status;
  readonly details: string;
  readonly headers: Record<string, unknown>;
  readonly trailers: Record<string, unknown>;
}

/** The call made raw: the serialized response as it came, the status, the header and trailer metadata. */
export function observe(t: TestApp, final: FinalCall): Promise<Observed> {
  const definition = (final.service === "auth" ? AuthServiceService : AdminServiceService)[final.method as never] as { path: string; requestSerialize: (v: object) => Buffer };
  const client = new grpc.Client(`127.0.0.1:${t.app.grpcPort}`, grpc.credentials.createInsecure());
  const metadata = final.service === "admin" ? t.adminMetadata.clone() : new grpc.Metadata();
  return new Promise((resolve, reject) => {
    let headers: Record<string, unknown> = {};
    let bytes: Buffer | undefined;
    const call = client.makeUnaryRequest(definition.path, definition.requestSerialize, (b: Buffer) => b, final.request, metadata, { deadline: Date.now() + 15_000 }, (error, response) => {
      if (error) reject(error);
      else bytes = response;
    });
    call.on("metadata", (m: grpc.Metadata) => (headers = m.getMap()));
    call.on("status", (status: grpc.StatusObject) => {
      client.close();
      if (bytes) resolve({ bytes, code: status.code, details: status.details, headers, trailers: status.metadata.getMap() });
    });
  });
}

/**
 * The bytes with the fields removed that differ on every call for every caller (a new user's sub,
 * a session, tokens). None of the masked answers has one; the list is here so a future masked
 * answer that does is compared fairly rather than failing for noise.
 */
export function withoutRandomFields(final: FinalCall, bytes: Buffer): Buffer {
  if (final.method === "signUp") {
    const response = SignUpResponse.decode(bytes);
    if (response.result?.$case === "success") response.result.value.userSub = "";
    return Buffer.from(SignUpResponse.encode(response).finish());
  }
  if (final.method === "initiateAuth") {
    const response = InitiateAuthResponse.decode(bytes);
    if (response.result?.$case === "challenge") response.result.value.session = "";
    if (response.result?.$case === "authenticationResult") response.result.value = { ...response.result.value, accessToken: "", idToken: "", refreshToken: "" };
    return Buffer.from(InitiateAuthResponse.encode(response).finish());
  }
  return bytes;
}

/** Asserts the arm, message, challenge and delivery details of a cell. */
export function expectAnswer(result: Result, cell: Answer, subject: Seeded): void {
  expect(result?.$case, JSON.stringify(result)).to.equal(cell.arm);
  if (cell.message !== undefined) expect(result?.value.message).to.equal(cell.message);
  if (cell.challenge !== undefined) expect(ChallengeName[result?.value.challengeName as ChallengeName]).to.equal(`CHALLENGE_NAME_${cell.challenge}`);
  if (cell.delivery === "sent" || cell.delivery === "simulated") {
    const details = result?.value.codeDeliveryDetails as { destination: string; deliveryMedium: DeliveryMedium; attributeName: string } | undefined;
    if (!details) return; // AdminResetUserPassword answers nothing about its delivery
    expect(details.deliveryMedium).to.equal(DeliveryMedium.DELIVERY_MEDIUM_EMAIL);
    expect(details.attributeName).to.equal("email");
    if (cell.delivery === "sent") expect(details.destination).to.equal(maskEmail(subject.email));
    else expect(details.destination).to.match(/^[a-z0-9]\*\*\*@[a-z0-9]\*\*\*$/);
  }
}

/** A "sent" cell delivered a code to the subject's email; "simulated" and "none" cells sent nothing. */
export async function expectDelivery(t: TestApp, poolId: string, subject: Seeded, since: string, delivery: Answer["delivery"]): Promise<void> {
  if (delivery === undefined) return;
  if (delivery === "sent") {
    const message = await deliveryTo(t, poolId, subject.email, since);
    expect(message.code).to.match(/^\d{6}$/);
    return;
  }
  const sent = await deliveredSince(t, poolId, since);
  expect(sent.map((m) => m.destination)).to.not.include(subject.email);
}
