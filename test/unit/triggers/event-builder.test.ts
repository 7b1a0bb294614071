// Envelope, userAttributes and initial responses as Cognito sends them (docs/cognito.md §5.1).
import { expect } from "chai";
import { envelope, initialResponse, regionOfPool, triggerEvent, userAttributesFor } from "../../../src/triggers/event-builder.js";

describe("triggers/event-builder", () => {
  it("takes the region from the pool id prefix", () => {
    expect(regionOfPool("us-east-1_ABC123")).to.equal("us-east-1");
    expect(regionOfPool("ap-southeast-2_x_y")).to.equal("ap-southeast-2");
  });

  it("builds the common envelope", () => {
    const built = envelope({ triggerSource: "PreAuthentication_Authentication", userPoolId: "eu-west-1_P", userName: "u-1", clientId: "c-1" });
    expect(built).to.deep.equal({
      version: "1",
      triggerSource: "PreAuthentication_Authentication",
      region: "eu-west-1",
      userPoolId: "eu-west-1_P",
      userName: "u-1",
      callerContext: { awsSdkVersion: "aws-sdk-unknown-unknown", clientId: "c-1" },
    });
  });

  it("builds userAttributes with sub, status and the active aliases", () => {
    const user = {
      sub: "0f1e",
      status: "CONFIRMED",
      attributes: { email: "j@example.com", email_verified: "true", phone_number: "+15550100", phone_number_verified: "false" },
    };
    expect(userAttributesFor(user, ["email", "phone_number"])).to.deep.equal({
      sub: "0f1e",
      email: "j@example.com",
      email_verified: "true",
      phone_number: "+15550100",
      phone_number_verified: "false",
      "cognito:user_status": "CONFIRMED",
      // the phone is not verified, so it is not an active alias (§1.5)
      "cognito:email_alias": "j@example.com",
    });
    expect(userAttributesFor(user)).to.not.have.property("cognito:email_alias");
  });

  it("starts each event with Cognito's initial response, a fresh copy each time", () => {
    const first = initialResponse("UserMigration");
    first.finalUserStatus = "CONFIRMED";
    expect(initialResponse("UserMigration").finalUserStatus).to.equal(null);
    expect(initialResponse("PreSignUp")).to.deep.equal({ autoConfirmUser: false, autoVerifyEmail: false, autoVerifyPhone: false });
  });

  it("assembles a whole event", () => {
    const event = triggerEvent(
      "VerifyAuthChallengeResponse",
      { triggerSource: "VerifyAuthChallengeResponse_Authentication", userPoolId: "us-east-1_A", userName: "u", clientId: "c" },
      { userAttributes: {}, privateChallengeParameters: { answer: "5" }, challengeAnswer: "5", userNotFound: false },
    );
    expect(event.region).to.equal("us-east-1");
    expect(event.request.challengeAnswer).to.equal("5");
    expect(event.response).to.deep.equal({ answerCorrect: null });
  });
});
