import { expect } from "chai";
import { exceptionOf } from "../../src/aws-json/errors.js";
import { maskEmail } from "../../src/flows/delivery/mask.js";
import { simulatedDestination } from "../../src/flows/delivery/simulated-destination.js";
import { cellOf, EXISTENCE_TABLE, isMasked, MODES, type Answer, type Mode, type Probe, type UserState } from "../../src/flows/existence/table.js";
import { normalize } from "../../src/flows/usernames.js";
import { AuthFlow } from "../../src/gen/identity/v1/common.js";
import { AWS_JSON_CONFIG, rawPost, signedPost, startAwsJsonApp, type AwsJsonApp, type RawAnswer } from "../helpers/aws-json.js";
import { PROBE_CALLS, type FinalCall } from "../helpers/existence-probes.js";
import { EMAIL_POOL, POOL } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, MODE_CLIENTS, poolOf, seedUser, type Seeded } from "../helpers/user-states.js";

/**
 * The indistinguishability suite once more, through the AWS JSON endpoint: for every masked cell of
 * the existence table, a real user in that state and an unknown name make the same request (the
 * table's probe, set up over gRPC, the final call over HTTP as an AWS SDK sends it), and the two
 * HTTP answers must be identical byte for byte: status, every header (x-amzn-RequestId aside, fresh
 * on every answer) and the body.
 */
describe("AWS JSON endpoint: masked cells answer byte for byte as for an unknown name", () => {
  let s: AwsJsonApp;
  before(async () => {
    s = await startAwsJsonApp({ ...LIFECYCLE_CONFIG, awsAccessKeys: AWS_JSON_CONFIG.awsAccessKeys! });
  });
  after(() => s.t.stop());

  for (const poolId of [POOL, EMAIL_POOL] as const) {
    for (const row of EXISTENCE_TABLE) {
      for (const mode of MODES) {
        if (!isMasked(row.probe, row.state, mode)) continue;
        it(`${poolId} | ${row.probe} | ${row.state} | ${mode}`, async () => {
          const cell = cellOf(row.probe, row.state, mode)!;
          const [real, unknown] = await pairFor(poolId, row.state, cell);
          const [a, b] = await observeBoth(poolId, mode, row.probe, real, unknown);
          expect(withoutRequestId(a.headers), "headers").to.deep.equal(withoutRequestId(b.headers));
          expect(a.status, "HTTP status").to.equal(b.status);
          expect(a.text, "body").to.equal(b.text);
          expect(a.headers["x-amzn-requestid"]).to.not.equal(b.headers["x-amzn-requestid"]);
          if (cell.arm === "success" || cell.arm === "authenticationResult" || cell.arm === "challenge") expect(a.status).to.equal(200);
          else expect(a.json.__type).to.equal(exceptionOf(cell.arm));
        });
      }
    }
  }

  let n = 0;

  /** As in existence-indistinguishable.test.ts: an unknown name whose answer masks like the user's. */
  async function pairFor(poolId: string, state: UserState, cell: Answer): Promise<[Seeded, Seeded]> {
    n++;
    const [l, d] = [letter(n), letter(n * 7 + 3)];
    if (poolId === EMAIL_POOL) {
      return [await seedUser(s.t, poolId, state, `${l}real${n}@${d}real.com`, { token: false }), await seedUser(s.t, poolId, "unknown", `${l}ghost${n}@${d}ghost.org`)];
    }
    const pool = await poolOf(s.t, poolId);
    const pseudoMask = (name: string) => maskEmail(simulatedDestination(s.t.app.deps, pool, normalize(pool, name), "forgot-password").value);
    const real = await seedUser(s.t, poolId, state, `real-${n}`, { token: false, email: `${l}real${n}@${d}real.com` });
    // Every answer about a real user names its own contact, a code sent or not (docs/existence.md §5).
    const target = maskEmail(real.email);
    let k = 0;
    while (pseudoMask(`ghost-${n}-${k}`) !== target) k++;
    return [real, await seedUser(s.t, poolId, "unknown", `ghost-${n}-${k}`)];
  }

  async function observeBoth(poolId: string, mode: Mode, probe: Probe, real: Seeded, unknown: Seeded): Promise<[RawAnswer, RawAnswer]> {
    const clientId = MODE_CLIENTS[poolId as keyof typeof MODE_CLIENTS][mode];
    const realCall = await PROBE_CALLS[probe]({ t: s.t, poolId, clientId, subject: real });
    const unknownCall = await PROBE_CALLS[probe]({ t: s.t, poolId, clientId, subject: unknown });
    return [await overHttp(realCall), await overHttp(unknownCall)];
  }

  /** The probe's final call as Cognito JSON: signed for AdminService, as the SDKs send it. */
  function overHttp(final: FinalCall): Promise<RawAnswer> {
    const operation = final.method.charAt(0).toUpperCase() + final.method.slice(1);
    const input = cognitoJson(final.request as Record<string, unknown>);
    return final.service === "admin" ? signedPost(s.endpoint, operation, input) : rawPost(s.endpoint, operation, JSON.stringify(input));
  }
});

/** A contract request in Cognito's member names: PascalCase, AuthFlow by name, maps kept as they are. */
function cognitoJson(request: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request)) {
    const member = key.charAt(0).toUpperCase() + key.slice(1);
    if (key === "authFlow") out[member] = AuthFlow[value as AuthFlow].replace(/^AUTH_FLOW_/, "");
    else if (Array.isArray(value)) out[member] = value.map((v: { name: string; value: string }) => ({ Name: v.name, Value: v.value }));
    else out[member] = value;
  }
  return out;
}

function withoutRequestId(headers: Record<string, string>): Record<string, string> {
  const { "x-amzn-requestid": _id, ...rest } = headers;
  return rest;
}

function letter(i: number): string {
  return "abcdefghijklmnopqrstuvwxyz"[i % 26]!;
}
