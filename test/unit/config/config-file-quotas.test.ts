import { expect } from "chai";
import { configFileProblems } from "../../../src/config/config-file-check.js";

// A config file may set a pool's request-rate quotas and a client's token revocation (docs/quotas.md);
// the start-up check knows both names and still stops a typo inside them.
describe("config file: quotas and token revocation settings", () => {
  const file = (settings: object, client: object = {}) => ({
    pools: [{ id: "us-east-1_Quota1", name: "q", settings, clients: [{ clientId: "quotaclient000000000000000", name: "c", ...client }] }],
  });

  it("accepts requestRateQuotas with Cognito's categories and enableTokenRevocation", () => {
    expect(configFileProblems(file({ requestRateQuotas: { userAuthentication: 500, clientAuthentication: 10 } }, { enableTokenRevocation: false }))).to.deep.equal([]);
  });

  it("names an unknown category with its path", () => {
    const problems = configFileProblems(file({ requestRateQuotas: { userAuthentications: 500 } }));
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(/^pools\[0\]\.settings\.requestRateQuotas: unknown setting "userAuthentications"/);
  });

  it("wants an object for requestRateQuotas", () => {
    expect(configFileProblems(file({ requestRateQuotas: 5 }))).to.deep.equal(["pools[0].settings.requestRateQuotas must be a JSON object"]);
  });
});
