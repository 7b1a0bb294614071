// The CustomMessage answer applied to a delivery (docs/cognito.md §5.11): pure logic, no server.
import { expect } from "chai";
import type { CodeMessage } from "../../../src/flows/delivery/code-sender.js";
import { applyResponse } from "../../../src/flows/delivery/custom-message.js";

const EMAIL: CodeMessage = { poolId: "us-east-1_P", event: "SignUp", username: "ann", attribute: "email", medium: "EMAIL", destination: "ann@example.com", code: "123456" };
const SMS: CodeMessage = { ...EMAIL, attribute: "phone_number", medium: "SMS", destination: "+15555550100" };

describe("flows/delivery: CustomMessage texts", () => {
  it("fills every placeholder of the email subject and body", () => {
    const shaped = applyResponse(EMAIL, { emailSubject: "Code {####}", emailMessage: "{####} / {####}", smsMessage: "unused {####}" });
    expect(shaped).to.deep.equal({ ok: true, message: { ...EMAIL, subject: "Code 123456", body: "123456 / 123456" } });
  });

  it("uses smsMessage for SMS, without a subject", () => {
    expect(applyResponse(SMS, { emailSubject: "S", emailMessage: "E {####}", smsMessage: "SMS {####}" })).to.deep.equal({ ok: true, message: { ...SMS, body: "SMS 123456" } });
  });

  it("keeps the default text when the hook left the message null", () => {
    expect(applyResponse(EMAIL, { emailSubject: null, emailMessage: null, smsMessage: null })).to.deep.equal({ ok: true, message: EMAIL });
  });

  it("refuses a text without the code placeholder, and an invitation without {username}", () => {
    expect(applyResponse(EMAIL, { emailMessage: "no code" })).to.deep.equal({ ok: false, reason: "the message does not contain {####}" });
    const invitation: CodeMessage = { ...EMAIL, event: "AdminCreateUser", code: "Temp-Pass-1" };
    expect(applyResponse(invitation, { emailMessage: "pw {####}" })).to.deep.equal({ ok: false, reason: "the message does not contain {username}" });
    expect(applyResponse(invitation, { emailMessage: "{username} / {####}" })).to.deep.equal({ ok: true, message: { ...invitation, body: "ann / Temp-Pass-1" } });
  });
});
