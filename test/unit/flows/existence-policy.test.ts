import { expect } from "chai";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { existencePolicy } from "../../../src/flows/existence/policy.js";
import { MODES } from "../../../src/flows/existence/table.js";

const SRC = join(import.meta.dirname, "../../../src");
/** The one folder allowed to look at the mode: the policy and the table that documents it. */
const POLICY_FOLDER = join(SRC, "flows/existence");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join(SRC, "gen") ? [] : sourceFiles(path);
    return path.endsWith(".ts") ? [path] : [];
  });
}

const MODE = String.raw`["'\x60](?:LEGACY|ENABLED|STRICT)["'\x60]`;
/** `x === "LEGACY"`, `"STRICT" !== x`, `case "ENABLED":`, `.includes("STRICT")`, a switch on existenceMode. */
const COMPARISONS = [
  new RegExp(String.raw`[!=]==?\s*${MODE}`),
  new RegExp(String.raw`${MODE}\s*[!=]==?`),
  new RegExp(String.raw`\bcase\s+${MODE}`),
  new RegExp(String.raw`(?:includes|indexOf|has)\(\s*${MODE}`),
  /switch\s*\([^)]*existenceMode/,
  /existenceMode\s*[!=]==?/,
  /[!=]==?\s*[\w.]*existenceMode\b/,
];

describe("existence policy: one place decides what a mode reveals", () => {
  it("no file in src outside src/flows/existence compares a PreventUserExistenceErrors mode", () => {
    const offences: string[] = [];
    for (const file of sourceFiles(SRC)) {
      if (file.startsWith(POLICY_FOLDER)) continue;
      readFileSync(file, "utf8").split("\n").forEach((line, i) => {
        if (COMPARISONS.some((re) => re.test(line))) offences.push(`${relative(SRC, file)}:${i + 1}: ${line.trim()}`);
      });
    }
    expect(offences, offences.join("\n")).to.deep.equal([]);
  });

  it("the check itself catches each way of comparing a mode", () => {
    const samples = ['if (mode === "LEGACY") x();', 'return "STRICT" !== m;', 'case "ENABLED":', 'modes.includes("STRICT")', "switch (client.existenceMode) {", "client.existenceMode === m", "m !== client.existenceMode"];
    for (const sample of samples) expect(COMPARISONS.some((re) => re.test(sample)), sample).to.equal(true);
    expect(COMPARISONS.some((re) => re.test('[Wire.ENABLED]: "ENABLED",')), "a mapping is not a comparison").to.equal(false);
  });

  it("only LEGACY reveals unknown users; only STRICT hides every state before proof and shows the typed identifier", () => {
    expect(MODES.filter((m) => existencePolicy(m).revealsUnknownUsers)).to.deep.equal(["LEGACY"]);
    expect(MODES.filter((m) => !existencePolicy(m).revealsUnconfirmedBeforeProof)).to.deep.equal(["STRICT"]);
    expect(MODES.filter((m) => !existencePolicy(m).revealsConfirmedState)).to.deep.equal(["STRICT"]);
    expect(MODES.filter((m) => existencePolicy(m).challengeIdentity === "typed-identifier")).to.deep.equal(["STRICT"]);
    // Hooks hear userNotFound exactly where unknown users are hidden (docs/cognito.md §5.5).
    for (const m of MODES) expect(existencePolicy(m).tellsHooksUserNotFound).to.equal(!existencePolicy(m).revealsUnknownUsers);
  });
});
