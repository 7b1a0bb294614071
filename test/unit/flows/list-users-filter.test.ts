import { expect } from "chai";
import { matchesFilter, MAX_FILTER_LENGTH, parseFilter, type UserFilter } from "../../../src/flows/admin/list-users-filter.js";
import type { UserRecord } from "../../../src/store/records.js";

const user = (overrides: Partial<UserRecord> = {}): UserRecord => ({
  username: "alice", sub: "0b1c2d3e-0000-4000-8000-000000000001", status: "CONFIRMED", enabled: true,
  attributes: { email: "alice@example.com", given_name: 'Al "the" Ice' },
  salt: undefined, verifier: undefined, passwordSetAt: undefined, createdAt: 0, updatedAt: 0, version: 1,
  ...overrides,
});

function parsed(text: string): UserFilter | undefined {
  const result = parseFilter(text);
  if (!result.ok) throw new Error(`refused: ${result.message}`);
  return result.filter;
}

function refusal(text: string): string {
  const result = parseFilter(text);
  if (result.ok) throw new Error(`accepted: ${text}`);
  return result.message;
}

describe("flows/admin/list-users-filter (docs/cognito.md §2.20)", () => {
  describe("parseFilter", () => {
    it("reads exact and prefix filters, with or without spaces", () => {
      expect(parsed('email = "a@b.co"')).to.deep.equal({ attribute: "email", operator: "=", value: "a@b.co" });
      expect(parsed('email="a@b.co"')).to.deep.equal({ attribute: "email", operator: "=", value: "a@b.co" });
      expect(parsed('  phone_number ^= "+48"  ')).to.deep.equal({ attribute: "phone_number", operator: "^=", value: "+48" });
      expect(parsed('cognito:user_status = "confirmed"')).to.deep.equal({ attribute: "cognito:user_status", operator: "=", value: "confirmed" });
    });

    it("treats an empty or blank filter as no filter", () => {
      expect(parseFilter("")).to.deep.equal({ ok: true, filter: undefined });
      expect(parseFilter("   ")).to.deep.equal({ ok: true, filter: undefined });
    });

    it("unescapes \\\" and \\\\ inside the quotes", () => {
      expect(parsed('given_name = "say \\"hi\\""')?.value).to.equal('say "hi"');
      expect(parsed('name = "back\\\\slash"')?.value).to.equal("back\\slash");
      expect(parsed('name = ""')?.value).to.equal("");
    });

    const malformed: [string, string, RegExp][] = [
      ["no operator", 'email "a"', /expected = or \^= after email/],
      ["unquoted value", "username = foo", /expected a value in double quotes/],
      ["missing value", "username=", /expected a value in double quotes/],
      ["unterminated quote", 'username = "foo', /no closing quote/],
      ["trailing text", 'username = "foo" and', /unexpected text after the quoted value/],
      ["second clause", 'username = "a" email = "b"', /unexpected text after the quoted value/],
      ["unknown escape", 'username = "a\\nb"', /may follow a backslash/],
      ["escaped closing quote only", 'username = "abc\\"', /no closing quote/],
      ["operator first", '= "x"', /expected an attribute name at position 1/],
      ["other operator", 'email != "x"', /expected = or \^= after email/],
    ];
    for (const [label, text, reason] of malformed) {
      it(`refuses a malformed filter: ${label}`, () => {
        const message = refusal(text);
        expect(message).to.match(/^Error while parsing filter: /);
        expect(message).to.match(reason);
      });
    }

    it("refuses attributes that are not searchable, custom ones included", () => {
      expect(refusal('custom:team = "x"')).to.equal("Invalid search attribute: custom:team");
      expect(refusal('Email = "x"')).to.equal("Invalid search attribute: Email");
      expect(refusal('email_verified = "true"')).to.equal("Invalid search attribute: email_verified");
    });

    it("accepts 256 characters and refuses 257", () => {
      const at = (length: number) => `name = "${"x".repeat(length - 'name = ""'.length)}"`;
      expect(at(MAX_FILTER_LENGTH)).to.have.length(256);
      expect(parseFilter(at(MAX_FILTER_LENGTH)).ok).to.equal(true);
      expect(refusal(at(MAX_FILTER_LENGTH + 1))).to.match(/longer than 256 characters/);
    });
  });

  describe("matchesFilter", () => {
    it("matches everything without a filter", () => {
      expect(matchesFilter(undefined, user())).to.equal(true);
    });

    it("compares exactly with = and by prefix with ^=", () => {
      expect(matchesFilter(parsed('email = "alice@example.com"'), user())).to.equal(true);
      expect(matchesFilter(parsed('email = "alice@example"'), user())).to.equal(false);
      expect(matchesFilter(parsed('email ^= "alice@"'), user())).to.equal(true);
      expect(matchesFilter(parsed('email ^= "bob"'), user())).to.equal(false);
      expect(matchesFilter(parsed('given_name = "Al \\"the\\" Ice"'), user())).to.equal(true);
    });

    it("reads username and sub from the record, not the attributes", () => {
      expect(matchesFilter(parsed('username = "alice"'), user())).to.equal(true);
      expect(matchesFilter(parsed('sub ^= "0b1c2d3e"'), user())).to.equal(true);
    });

    it("keeps username case-sensitive and cognito:user_status case-insensitive", () => {
      expect(matchesFilter(parsed('username = "Alice"'), user())).to.equal(false);
      expect(matchesFilter(parsed('cognito:user_status = "confirmed"'), user())).to.equal(true);
      expect(matchesFilter(parsed('cognito:user_status = "Force_Change_Password"'), user({ status: "FORCE_CHANGE_PASSWORD" }))).to.equal(true);
      expect(matchesFilter(parsed('cognito:user_status = "UNCONFIRMED"'), user())).to.equal(false);
    });

    it("maps status to Enabled / Disabled, case-sensitively", () => {
      expect(matchesFilter(parsed('status = "Enabled"'), user())).to.equal(true);
      expect(matchesFilter(parsed('status = "Disabled"'), user({ enabled: false }))).to.equal(true);
      expect(matchesFilter(parsed('status = "disabled"'), user({ enabled: false }))).to.equal(false);
    });

    it("never matches a user who lacks the attribute, even with an empty prefix", () => {
      expect(matchesFilter(parsed('phone_number ^= ""'), user())).to.equal(false);
      expect(matchesFilter(parsed('email ^= ""'), user())).to.equal(true);
    });
  });
});
