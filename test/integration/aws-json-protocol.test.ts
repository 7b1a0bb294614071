import { expect } from "chai";
import { ADMIN_KEY, rawPost, signedPost, startAwsJsonApp, TARGET, type AwsJsonApp, type RawAnswer } from "../helpers/aws-json.js";
import { CLIENTS, POOL } from "../helpers/test-app.js";

/** The wire protocol itself, over raw HTTP: what the SDKs never send, and the SigV4 rules. */
describe("AWS JSON endpoint: protocol and SigV4", () => {
  let s: AwsJsonApp;
  before(async () => {
    s = await startAwsJsonApp();
  });
  after(() => s.t.stop());

  const expectError = (answer: RawAnswer, type: string, status = 400) => {
    expect(answer.status, answer.text).to.equal(status);
    expect(answer.json.__type).to.equal(type);
    expect(answer.headers["x-amzn-errortype"]).to.equal(type);
    expect(answer.headers["x-amzn-requestid"]).to.match(/^[0-9a-f-]{36}$/);
    expect(answer.headers["content-type"]).to.equal("application/x-amz-json-1.1");
    expect(answer.json.message).to.be.a("string");
  };
  const userExists = async (username: string) => (await s.t.admin.adminGetUser({ userPoolId: POOL, username }, s.t.adminMetadata)).result?.$case === "success";

  it("answers malformed JSON, a non-object body and a wrongly typed member with SerializationException, never a 500", async () => {
    expectError(await rawPost(s.endpoint, "SignUp", "{not json"), "SerializationException");
    expectError(await rawPost(s.endpoint, "SignUp", "[1,2]"), "SerializationException");
    expectError(await rawPost(s.endpoint, "SignUp", JSON.stringify({ ClientId: CLIENTS.enabled, Username: 42 })), "SerializationException");
    expectError(await rawPost(s.endpoint, "InitiateAuth", JSON.stringify({ ClientId: CLIENTS.enabled, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: ["x"] } })), "SerializationException");
    expectError(await rawPost(s.endpoint, "SignUp", "\u0000\u00ff"), "SerializationException");
  });

  it("answers unknown targets, other paths and methods with UnknownOperationException", async () => {
    expectError(await rawPost(s.endpoint, "NoSuchOperation", "{}"), "UnknownOperationException");
    expectError(await rawPost(s.endpoint, undefined, "{}", { "x-amz-target": "SomeOtherService.SignUp" }), "UnknownOperationException");
    expectError(await rawPost(s.endpoint, "__proto__", "{}"), "UnknownOperationException");
    const get = await fetch(`${s.endpoint}/`);
    expect(get.status).to.equal(400);
    expect(get.headers.get("x-amzn-errortype")).to.equal("UnknownOperationException");
    expect(get.headers.get("x-amzn-requestid")).to.match(/^[0-9a-f-]{36}$/);
  });

  it("puts a fresh x-amzn-RequestId on every answer, success or error", async () => {
    const a = await rawPost(s.endpoint, "InitiateAuth", JSON.stringify({ ClientId: CLIENTS.enabled, AuthFlow: "USER_PASSWORD_AUTH", AuthParameters: { USERNAME: "nobody", PASSWORD: "x" } }));
    const b = await rawPost(s.endpoint, "GetJwks", JSON.stringify({ UserPoolId: POOL, ClientId: CLIENTS.enabled }));
    expectError(a, "NotAuthorizedException");
    expect(a.json.message).to.equal("Incorrect username or password.");
    expect(b.status).to.equal(200);
    expect((b.json.Keys as unknown[]).length).to.be.greaterThan(0);
    expect(a.headers["x-amzn-requestid"]).to.not.equal(b.headers["x-amzn-requestid"]);
    expect(b.headers["x-amzn-requestid"]).to.match(/^[0-9a-f-]{36}$/);
  });

  it("answers an enum value outside Cognito's set with InvalidParameterException", async () => {
    const answer = await rawPost(s.endpoint, "InitiateAuth", JSON.stringify({ ClientId: CLIENTS.enabled, AuthFlow: "NOT_A_FLOW", AuthParameters: {} }));
    expectError(answer, "InvalidParameterException");
    expect(answer.json.message).to.include("Member must satisfy enum value set");
  });

  it("refuses an unsigned admin call with MissingAuthenticationTokenException and changes nothing", async () => {
    const answer = await rawPost(s.endpoint, "AdminCreateUser", JSON.stringify({ UserPoolId: POOL, Username: "unsigned-1", MessageAction: "SUPPRESS" }));
    expectError(answer, "MissingAuthenticationTokenException");
    expect(await userExists("unsigned-1")).to.equal(false);
  });

  it("accepts a request signed by the SDK's signer, and refuses it when the body or the operation was changed after signing", async () => {
    expect((await signedPost(s.endpoint, "AdminCreateUser", { UserPoolId: POOL, Username: "signed-ok", MessageAction: "SUPPRESS" })).status).to.equal(200);
    expect(await userExists("signed-ok")).to.equal(true);
    const body = await signedPost(s.endpoint, "AdminCreateUser", { UserPoolId: POOL, Username: "signed-a", MessageAction: "SUPPRESS" }, { tamper: (r) => { r.body = r.body.replace("signed-a", "signed-b"); r.headers["content-length"] = String(Buffer.byteLength(r.body)); } });
    expectError(body, "InvalidSignatureException");
    const target = await signedPost(s.endpoint, "AdminGetUser", { UserPoolId: POOL, Username: "signed-ok" }, { tamper: (r) => { r.headers["x-amz-target"] = `${TARGET}.AdminDeleteUser`; } });
    expectError(target, "InvalidSignatureException");
    expect(await userExists("signed-b")).to.equal(false);
    expect(await userExists("signed-ok")).to.equal(true);
  });

  it("requires X-Amz-Target among the signed headers, so a captured signature cannot name another operation", async () => {
    const answer = await signedPost(s.endpoint, "AdminDeleteUser", { UserPoolId: POOL, Username: "signed-ok" }, { unsigned: ["x-amz-target"] });
    expectError(answer, "InvalidSignatureException");
    expect(answer.json.message).to.include("x-amz-target");
    expect(await userExists("signed-ok")).to.equal(true);
  });

  it("refuses signatures more than 15 minutes from the service's clock, either way, and accepts them within", async () => {
    const now = s.t.clock.nowMs;
    const expired = await signedPost(s.endpoint, "AdminCreateUser", { UserPoolId: POOL, Username: "skew-past", MessageAction: "SUPPRESS" }, { signingDate: new Date(now - 16 * 60_000) });
    expectError(expired, "InvalidSignatureException");
    expect(expired.json.message).to.match(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
    const future = await signedPost(s.endpoint, "AdminCreateUser", { UserPoolId: POOL, Username: "skew-future", MessageAction: "SUPPRESS" }, { signingDate: new Date(now + 16 * 60_000) });
    expectError(future, "InvalidSignatureException");
    expect(future.json.message).to.match(/^Signature not yet current/);
    const within = await signedPost(s.endpoint, "AdminCreateUser", { UserPoolId: POOL, Username: "skew-within", MessageAction: "SUPPRESS" }, { signingDate: new Date(now - 14 * 60_000) });
    expect(within.status, within.text).to.equal(200);
    expect(await userExists("skew-past")).to.equal(false);
    expect(await userExists("skew-future")).to.equal(false);
  });

  it("refuses a credential scoped to another region or service, and malformed Authorization headers", async () => {
    expectError(await signedPost(s.endpoint, "AdminGetUser", { UserPoolId: POOL, Username: "x" }, { region: "eu-west-1" }), "InvalidSignatureException");
    expectError(await rawPost(s.endpoint, "AdminGetUser", "{}", { authorization: "AWS4-HMAC-SHA256 garbage", "x-amz-date": "20260101T000000Z" }), "IncompleteSignatureException");
    expectError(await rawPost(s.endpoint, "AdminGetUser", "{}", { authorization: "Bearer something" }), "IncompleteSignatureException");
    const noDate = await signedPost(s.endpoint, "AdminGetUser", { UserPoolId: POOL, Username: "x" }, { tamper: (r) => { delete r.headers["x-amz-date"]; } });
    expectError(noDate, "IncompleteSignatureException");
  });

  it("keeps the signing key's secret out of answers and logs", async () => {
    await signedPost(s.endpoint, "AdminGetUser", { UserPoolId: POOL, Username: "x" }, { key: { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: "wrong-secret-000000000000000000" } });
    expect(s.t.log.lines.join("\n")).to.not.include(ADMIN_KEY.secretAccessKey);
    expect(s.t.log.lines.join("\n")).to.not.include("wrong-secret");
  });
});
