import { expect } from "chai";
import { timestampWithinSkew } from "../../../src/flows/sign-in/srp-timestamp.js";

const at = (hhmm: string, day = 26) => new Date(`2026-11-${day}T${hhmm}:00Z`);

describe("flows/sign-in/srp-timestamp", () => {
  it("accepts exactly the skew window around the server clock", () => {
    const now = at("15:00").getTime();
    expect(timestampWithinSkew(new Date(now + 300_000), now, 300)).to.equal(true);
    expect(timestampWithinSkew(new Date(now - 300_000), now, 300)).to.equal(true);
    expect(timestampWithinSkew(new Date(now + 301_000), now, 300)).to.equal(false);
    expect(timestampWithinSkew(new Date(now - 301_000), now, 300)).to.equal(false);
  });

  it("reads hours 1-11 as possibly PM and 12 as possibly midnight (Go's 12-hour layout)", () => {
    expect(timestampWithinSkew(at("03:00"), at("15:00").getTime(), 300)).to.equal(true);
    expect(timestampWithinSkew(at("11:59"), at("23:59").getTime(), 300)).to.equal(true);
    expect(timestampWithinSkew(at("12:10", 27), at("00:10", 27).getTime(), 300)).to.equal(true);
  });

  it("reads no other hour twice", () => {
    expect(timestampWithinSkew(at("15:00"), at("03:00").getTime(), 300)).to.equal(false);
    expect(timestampWithinSkew(at("00:10"), at("12:10").getTime(), 300)).to.equal(false);
    expect(timestampWithinSkew(at("13:00"), at("01:00", 27).getTime(), 300)).to.equal(false);
    expect(timestampWithinSkew(at("03:00"), at("09:00").getTime(), 300)).to.equal(false);
  });
});
