import { expect } from "chai";
import { readFileSync } from "node:fs";
import { DECISIONS, EXISTENCE_TABLE, isMasked, MODES, PROBES, USER_STATES } from "../../../src/flows/existence/table.js";
import { readmeExistenceSection, renderExistenceTable } from "../../../scripts/existence-table.js";

describe("existence table data", () => {
  it("has one row per operation and user state, each with all three modes", () => {
    expect(EXISTENCE_TABLE).to.have.length(PROBES.length * USER_STATES.length);
    for (const row of EXISTENCE_TABLE) expect(Object.keys(row.cells)).to.deep.equal([...MODES]);
  });

  it("cites only documented decisions, and uses every one a cell can show", () => {
    const cited = new Set(EXISTENCE_TABLE.flatMap((row) => MODES.map((m) => row.cells[m]?.decision).filter((d) => d !== undefined)));
    for (const id of cited) expect(DECISIONS).to.have.property(id);
    const uncited = Object.keys(DECISIONS).filter((id) => !cited.has(id as keyof typeof DECISIONS));
    // U7 (a used or long-expired sign-up code), U8 (SignUp's order), U10 (lockout), U11 (limits):
    // behaviour over time or order that no single cell shows; the lifecycle suites test them.
    expect(uncited.sort()).to.deep.equal(["U10", "U11", "U7", "U8"]);
  });

  it("masks every state of recovery and confirmation under STRICT", () => {
    for (const probe of ["ConfirmSignUp, wrong code", "ResendConfirmationCode", "ConfirmForgotPassword, wrong code after ForgotPassword"] as const) {
      for (const state of USER_STATES.filter((s) => s !== "unknown")) expect(isMasked(probe, state, "STRICT"), `${probe} / ${state}`).to.equal(true);
    }
  });

  it("masks every wrong-password sign-in under STRICT but the lockout, which unknown names reach too", () => {
    for (const state of USER_STATES.filter((s) => s !== "unknown" && s !== "locked out")) expect(isMasked("InitiateAuth (password), wrong password", state, "STRICT"), state).to.equal(true);
  });

  it("is what the README shows (regenerate with scripts/existence-table.ts)", () => {
    expect(readmeExistenceSection(readFileSync(new URL("../../../README.md", import.meta.url), "utf8"))).to.equal(renderExistenceTable());
  });
});
