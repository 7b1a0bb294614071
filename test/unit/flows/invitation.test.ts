import { expect } from "chai";
import { invitationDestinations, mediumsProblem } from "../../../src/flows/admin/invitation.js";
import { DeliveryMedium } from "../../../src/gen/identity/v1/common.js";
import type { UserRecord } from "../../../src/store/records.js";

const user = (attributes: Record<string, string>): UserRecord => ({
  username: "u", sub: "s", status: "FORCE_CHANGE_PASSWORD", enabled: true, attributes,
  salt: undefined, verifier: undefined, passwordSetAt: undefined, createdAt: 0, updatedAt: 0, version: 1,
});
const { DELIVERY_MEDIUM_SMS: SMS, DELIVERY_MEDIUM_EMAIL: EMAIL } = DeliveryMedium;
const both = { email: "e@example.com", phone_number: "+15550000000" };
const mediumsOf = (attributes: Record<string, string>, wanted: DeliveryMedium[]) => invitationDestinations(user(attributes), wanted).map((d) => d.medium);

describe("flows/admin/invitation (docs/cognito.md §2.13)", () => {
  it("defaults to SMS, then email, and to nothing for a user without contacts", () => {
    expect(mediumsOf(both, [])).to.deep.equal(["SMS"]);
    expect(mediumsOf({ email: "e@example.com" }, [])).to.deep.equal(["EMAIL"]);
    expect(mediumsOf({ email: "" }, [])).to.deep.equal([]);
  });

  it("sends to each requested medium the user has, in the requested order", () => {
    expect(mediumsOf(both, [EMAIL, SMS])).to.deep.equal(["EMAIL", "SMS"]);
    expect(mediumsOf(both, [EMAIL, EMAIL])).to.deep.equal(["EMAIL"]);
    expect(mediumsOf({ email: "e@example.com" }, [SMS])).to.deep.equal([]);
    expect(invitationDestinations(user(both), [EMAIL])).to.deep.equal([{ attribute: "email", medium: "EMAIL", value: "e@example.com" }]);
  });

  it("accepts only SMS and EMAIL, at most twice", () => {
    expect(mediumsProblem([SMS, EMAIL])).to.equal(undefined);
    for (const bad of [[DeliveryMedium.DELIVERY_MEDIUM_UNSPECIFIED], [9 as DeliveryMedium], [SMS, EMAIL, SMS]]) expect(mediumsProblem(bad)).to.have.property("$case", "invalidParameter");
  });
});
