// CustomMessage through the real server: the hook writes the text with placeholders, the service
// fills in the code (and the username of an invitation) before the message reaches the sender.
import { expect } from "chai";
import { MessageAction } from "../../src/gen/identity/v1/common.js";
import type { CustomMessageTriggerEvent } from "../../src/triggers/index.js";
import { bearer } from "../helpers/clients.js";
import { ADMIN_TOKEN, TEST_CONFIG, startTestApp, type TestApp } from "../helpers/test-app.js";
import { PASSWORD, clearRecordedEvents, clientEntry, fixture, recordedEvents, triggerPool } from "../helpers/triggers.js";

const MSG_POOL = "us-east-1_CustomMsg1";
const CLIENT = "msgenabled".padEnd(26, "0");

describe("triggers: CustomMessage (gRPC + Redis)", () => {
  let t: TestApp;
  const codes: string[] = [];
  before(async () => {
    const triggers = { CustomMessage: { module: fixture("custom-message.mjs"), timeoutMs: 300 } };
    t = await startTestApp({ config: { ...TEST_CONFIG, pools: [triggerPool(MSG_POOL, triggers, [clientEntry(CLIENT, "ENABLED")])] } });
  });
  after(() => t.stop());
  beforeEach(() => clearRecordedEvents());

  /** Signs a user up and returns what reached the sender. */
  async function signUp(username: string): Promise<Record<string, string>> {
    const mark = await t.outboxMark(MSG_POOL);
    const response = await t.auth.signUp({ clientId: CLIENT, secretHash: "", username, password: PASSWORD, userAttributes: [{ name: "email", value: `${username}@example.com` }], validationData: [], clientMetadata: { campaign: "spring" } });
    expect(response.result?.$case).to.equal("success");
    const delivery = await t.nextDelivery(MSG_POOL, mark);
    codes.push(delivery.code!);
    return delivery;
  }

  function warnings(): { reason: string; message: string }[] {
    return t.log.lines.map((line) => JSON.parse(line) as { reason: string; message: string }).filter((line) => line.message === "custom message not used; default text sent");
  }

  it("sends the hook's text with the code filled in (CustomMessage_SignUp)", async () => {
    const delivery = await signUp("carla");
    expect(delivery.code).to.match(/^\d{6}$/);
    expect(delivery.subject).to.equal("[Acme] CustomMessage_SignUp");
    expect(delivery.body).to.equal(`Hello carla@example.com, your code is ${delivery.code}. Again: ${delivery.code}.`);
    const [event] = recordedEvents("CustomMessage_SignUp") as CustomMessageTriggerEvent[];
    expect(event).to.include({ userName: "carla", userPoolId: MSG_POOL });
    expect(event!.request).to.include({ codeParameter: "{####}", usernameParameter: null });
    expect(event!.request.userAttributes).to.include({ email: "carla@example.com", "cognito:user_status": "UNCONFIRMED" });
    // The hook never sees the code.
    expect(JSON.stringify(event)).to.not.include(delivery.code!);
  });

  it("uses CustomMessage_ResendCode for ResendConfirmationCode", async () => {
    await signUp("rhea");
    const mark = await t.outboxMark(MSG_POOL);
    const resent = await t.auth.resendConfirmationCode({ clientId: CLIENT, secretHash: "", username: "rhea", clientMetadata: {} });
    expect(resent.result?.$case).to.equal("success");
    const delivery = await t.nextDelivery(MSG_POOL, mark);
    codes.push(delivery.code!);
    expect(delivery.subject).to.equal("[Acme] CustomMessage_ResendCode");
    expect(delivery.body).to.include(`your code is ${delivery.code}.`);
  });

  it("fills in {username} and the temporary password of an invitation (CustomMessage_AdminCreateUser)", async () => {
    const mark = await t.outboxMark(MSG_POOL);
    const created = await t.admin.adminCreateUser({
      userPoolId: MSG_POOL, username: "inez", userAttributes: [{ name: "email", value: "inez@example.com" }, { name: "email_verified", value: "true" }], validationData: [],
      temporaryPassword: "Temporary-Pass-1", forceAliasCreation: false, messageAction: MessageAction.MESSAGE_ACTION_UNSPECIFIED, desiredDeliveryMediums: [], clientMetadata: {},
    }, bearer(ADMIN_TOKEN));
    expect(created.result?.$case).to.equal("success");
    const delivery = await t.nextDelivery(MSG_POOL, mark);
    codes.push(delivery.code!);
    expect(delivery.subject).to.equal("[Acme] CustomMessage_AdminCreateUser");
    expect(delivery.body).to.equal("Hello inez@example.com, your code is Temporary-Pass-1. Again: Temporary-Pass-1. Your username is inez.");
    expect((recordedEvents("CustomMessage_AdminCreateUser")[0] as CustomMessageTriggerEvent).request.usernameParameter).to.equal("{username}");
  });

  for (const [name, reason] of [
    ["msg-throws-mia", "CustomMessage failed with error Template store down."],
    ["msg-hangs-hal", "CustomMessage invocation failed due to error Socket timeout while invoking Lambda function."],
    ["msg-nocode-ned", "the message does not contain {####}"],
  ] as const) {
    it(`sends the default text when the hook fails (${name})`, async () => {
      const delivery = await signUp(name);
      expect(delivery.code).to.match(/^\d{6}$/);
      expect(delivery).to.not.have.any.keys("subject", "body");
      expect(recordedEvents("CustomMessage_SignUp")).to.have.length(1);
      expect(warnings().map((line) => line.reason)).to.include(reason);
    });
  }

  it("never logs a code", () => {
    expect(codes.length).to.be.greaterThan(3);
    const logged = t.log.lines.join("\n");
    for (const code of codes) expect(logged).to.not.include(code);
  });
});
