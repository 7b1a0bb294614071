import { expect } from "chai";
import { labelChildren } from "../../../src/telemetry/label-children.js";

describe("labelChildren: one metric child per label values", () => {
  it("makes a child once per distinct labels and hands the same one back", () => {
    const made: string[][] = [];
    const childOf = labelChildren((...labels) => {
      made.push(labels);
      return { labels };
    });
    const first = childOf("InitiateAuth", "notAuthorized");
    expect(childOf("InitiateAuth", "notAuthorized")).to.equal(first);
    expect(childOf("InitiateAuth", "authenticationResult")).to.not.equal(first);
    expect(made).to.deep.equal([["InitiateAuth", "notAuthorized"], ["InitiateAuth", "authenticationResult"]]);
  });
});
