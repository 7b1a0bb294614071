import { expect } from "chai";
import { isRefusal, pageSize, pageToken, readPageToken } from "../../../src/flows/admin/page-token.js";

describe("flows/admin/page-token", () => {
  it("round-trips the last key of a listing", () => {
    for (const key of ["us-east-1_Abc", "user with spaces", "ünïcødé@example.com"]) {
      expect(readPageToken("next_token", "pools", pageToken("pools", key))).to.equal(key);
    }
  });

  it("means the first page when empty", () => {
    expect(readPageToken("next_token", "users", "")).to.equal(undefined);
  });

  it("refuses tokens of another listing, garbage and oversize tokens", () => {
    const refused = (token: string) => isRefusal(readPageToken("pagination_token", "users", token));
    expect(refused(pageToken("pools", "x"))).to.equal(true);
    expect(refused("not a token!")).to.equal(true);
    expect(refused(Buffer.from("users").toString("base64url"))).to.equal(true);
    expect(refused(pageToken("users", "x".repeat(7000)))).to.equal(true);
  });

  it("carries a filtered ListUsers position: an attribute value of up to 2,048 characters and a username", () => {
    const position = `${"e".repeat(2048)}\u0000${"u".repeat(128)}`;
    expect(readPageToken("pagination_token", "users", pageToken("users", position))).to.equal(position);
  });

  it("takes page sizes 1-60; 0 only where it has a meaning", () => {
    expect(pageSize("max_results", 1)).to.equal(1);
    expect(pageSize("max_results", 60)).to.equal(60);
    expect(pageSize("limit", 0, 60)).to.equal(60);
    for (const bad of [0, -1, 61]) expect(pageSize("max_results", bad)).to.have.property("$case", "invalidParameter");
    expect(pageSize("max_results", 61)).to.have.nested.property("value.message").that.includes("'maxResults'");
  });
});
