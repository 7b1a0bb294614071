import { expect } from "chai";
import { confirmationDestination, recoveryDestination } from "../../../src/flows/delivery/destinations.js";
import { maskEmail, maskPhone } from "../../../src/flows/delivery/mask.js";
import { simulatedDestination } from "../../../src/flows/delivery/simulated-destination.js";
import { keysOnlyDeps, pool, user } from "./existence-fixtures.js";

describe("masked destinations (docs/cognito.md §6.1)", () => {
  it("masks an email as local[0]***@domain[0]***, lower-cased, TLD dropped", () => {
    expect(maskEmail("alice@example.com")).to.equal("a***@e***");
    expect(maskEmail("Bob@Example.COM")).to.equal("b***@e***");
  });

  it("masks a phone as + and one * per hidden digit, then the last four", () => {
    expect(maskPhone("+15551234567")).to.equal("+*******4567");
    expect(maskPhone("+5511912344516")).to.equal("+*********4516");
  });
});

describe("simulated destinations", () => {
  const deps = keysOnlyDeps();

  it("masks an email-shaped name as itself, by EMAIL", () => {
    expect(simulatedDestination(deps, pool(), "zed@example.org", "forgot-password")).to.deep.equal({ attribute: "email", medium: "EMAIL", value: "zed@example.org" });
  });

  it("sends a phone-shaped name by SMS only where the pool delivers by SMS", () => {
    const phonePool = pool({ autoVerifiedAttributes: ["phone_number"], accountRecovery: ["verified_phone_number"] });
    expect(simulatedDestination(deps, phonePool, "+15550001234", "forgot-password")).to.deep.equal({ attribute: "phone_number", medium: "SMS", value: "+15550001234" });
    expect(simulatedDestination(deps, pool(), "+15550001234", "forgot-password").attribute).to.equal("email");
  });

  it("gives an opaque name a pseudo-address on the pool's channel, the same every time", () => {
    const first = simulatedDestination(deps, pool(), "ghost", "forgot-password");
    expect(first.medium).to.equal("EMAIL");
    expect(maskEmail(first.value)).to.match(/^[a-z]\*\*\*@[a-z]\*\*\*$/);
    expect(simulatedDestination(deps, pool(), "ghost", "forgot-password")).to.deep.equal(first);
    expect(simulatedDestination(keysOnlyDeps(), pool(), "ghost", "sign-up")).to.deep.equal(first);
  });

  it("derives pseudo-addresses from the server secret and the name", () => {
    const names = Array.from({ length: 40 }, (_, i) => maskEmail(simulatedDestination(deps, pool(), `ghost-${i}`, "forgot-password").value));
    expect(new Set(names).size).to.be.greaterThan(10);
    const otherSecret = Array.from({ length: 40 }, (_, i) => maskEmail(simulatedDestination(keysOnlyDeps(Buffer.alloc(32, 9)), pool(), `ghost-${i}`, "forgot-password").value));
    expect(otherSecret).to.not.deep.equal(names);
  });

  it("uses an NANP-shaped pseudo-number for SMS pools: +*******dddd", () => {
    const smsPool = pool({ autoVerifiedAttributes: ["phone_number"], accountRecovery: ["verified_phone_number"] });
    const destination = simulatedDestination(deps, smsPool, "ghost", "sign-up");
    expect(destination.medium).to.equal("SMS");
    expect(maskPhone(destination.value)).to.match(/^\+\*{7}\d{4}$/);
  });
});

describe("real destinations", () => {
  const both = pool({ autoVerifiedAttributes: ["email", "phone_number"], accountRecovery: ["verified_phone_number", "verified_email"] });
  const withPhone = user({ attributes: { email: "alice@example.com", email_verified: "true", phone_number: "+15551234567", phone_number_verified: "true" } });

  it("follows the pool's order for an opaque name: the phone first", () => {
    expect(recoveryDestination(both, withPhone, "alice")?.attribute).to.equal("phone_number");
    expect(confirmationDestination(both, withPhone, "alice")?.attribute).to.equal("phone_number");
  });

  it("goes to the email or phone the request named, so it masks as the simulation would", () => {
    expect(recoveryDestination(both, withPhone, "Alice@Example.com")?.attribute).to.equal("email");
    expect(confirmationDestination(both, withPhone, "alice@example.com")?.attribute).to.equal("email");
  });

  it("never recovers through an unverified contact", () => {
    const unverified = user({ attributes: { email: "alice@example.com", email_verified: "false" } });
    expect(recoveryDestination(pool(), unverified, "alice@example.com")).to.equal(undefined);
  });
});

describe("simulated password material", () => {
  it("is the same verifier whether or not the salt was asked for first, and differs by name", async () => {
    const { simulatedSalt, simulatedVerifier } = await import("../../../src/flows/existence/simulated-values.js");
    const deps = keysOnlyDeps();
    const salt = simulatedSalt(deps, "us-east-1_Unit1", "ghost");
    const afterSalt = simulatedVerifier(deps, "us-east-1_Unit1", "ghost");
    const alone = simulatedVerifier(deps, "us-east-1_Unit1", "ghost");
    expect(salt).to.match(/^[0-9a-f]{32}$/);
    expect(afterSalt).to.have.length(768).and.equal(alone);
    expect(simulatedVerifier(deps, "us-east-1_Unit1", "ghost2")).to.not.equal(alone);
    expect(simulatedVerifier(keysOnlyDeps(Buffer.alloc(32, 9)), "us-east-1_Unit1", "ghost")).to.not.equal(alone);
  });
});
