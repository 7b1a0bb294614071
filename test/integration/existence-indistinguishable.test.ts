import { expect } from "chai";
import { simulatedDestination } from "../../src/flows/delivery/simulated-destination.js";
import { maskEmail } from "../../src/flows/delivery/mask.js";
import { cellOf, EXISTENCE_TABLE, isMasked, MODES, type Answer, type Mode, type Probe, type UserState } from "../../src/flows/existence/table.js";
import { normalize } from "../../src/flows/usernames.js";
import { AuthServiceService } from "../../src/gen/identity/v1/auth_service.js";
import { observe, PROBE_CALLS, withoutRandomFields, type Observed } from "../helpers/existence-probes.js";
import { EMAIL_POOL, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, lockOut, MODE_CLIENTS, poolOf, seedUser, type Seeded } from "../helpers/user-states.js";

/**
 * For every masked cell of the existence table (the same answer for the state as for an unknown
 * name), a real user in that state and an unknown name make the same request, and everything a
 * caller can see is compared: the serialized response byte for byte, the gRPC status and details,
 * the header and trailer metadata. Nothing is removed but fields random for every caller (none of
 * these answers has one). Two pool designs: plain usernames (whose simulated deliveries name a
 * pseudo-address; the real user's email is chosen to mask alike, as some real user's would) and
 * email-as-username (where the simulated delivery masks the name given).
 */
describe("indistinguishability: masked cells answer byte for byte as for an unknown name", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  for (const poolId of [POOL, EMAIL_POOL] as const) {
    for (const row of EXISTENCE_TABLE) {
      for (const mode of MODES) {
        if (!isMasked(row.probe, row.state, mode)) continue;
        it(`${poolId} | ${row.probe} | ${row.state} | ${mode}`, async () => {
          const [real, unknown] = await pairFor(poolId, row.state, cellOf(row.probe, row.state, mode), { token: false });
          const [a, b] = await observeBoth(poolId, mode, row.probe, real, unknown);
          expectSameObservation(a, b);
          expect(armOf(row.probe, a.bytes)).to.equal(cellOf(row.probe, row.state, mode)!.arm);
        });
      }
    }
  }

  it("a locked-out user and a locked-out unknown name answer alike, right password or wrong (U10)", async () => {
    for (const mode of ["ENABLED", "STRICT"] as const) {
      const [real, unknown] = await pairFor(POOL, "locked out", null, { token: false });
      await lockOut(t, POOL, unknown.name);
      for (const probe of ["InitiateAuth (password), wrong password", "InitiateAuth (password), right password"] as const) {
        const [a, b] = await observeBoth(POOL, mode, probe, real, unknown);
        expectSameObservation(a, b);
        expect(a.bytes.toString("utf8")).to.include("Password attempts exceeded");
      }
    }
  });

  let n = 0;

  /**
   * A user in `state` and an unknown name whose answer shows the same masked destination: in the
   * email pool the two addresses share their first letters; with plain usernames the unknown name
   * is picked among ghost-<n>-<k> so that its pseudo-address masks like the user's email — which
   * every answer about the user names, a code sent or not (docs/existence.md §5).
   */
  async function pairFor(poolId: string, state: UserState, _cell: Answer | null, options: { token: boolean }): Promise<[Seeded, Seeded]> {
    n++;
    const [l, d] = [letter(n), letter(n * 7 + 3)];
    if (poolId === EMAIL_POOL) {
      return [await seedUser(t, poolId, state, `${l}real${n}@${d}real.com`, options), await seedUser(t, poolId, "unknown", `${l}ghost${n}@${d}ghost.org`)];
    }
    const pool = await poolOf(t, poolId);
    const pseudoMask = (name: string) => maskEmail(simulatedDestination(t.app.deps, pool, normalize(pool, name), "forgot-password").value);
    const real = await seedUser(t, poolId, state, `real-${n}`, { ...options, email: `${l}real${n}@${d}real.com` });
    const target = maskEmail(real.email);
    let k = 0;
    while (pseudoMask(`ghost-${n}-${k}`) !== target) k++;
    return [real, await seedUser(t, poolId, "unknown", `ghost-${n}-${k}`)];
  }

  async function observeBoth(poolId: string, mode: Mode, probe: Probe, real: Seeded, unknown: Seeded): Promise<[Observed, Observed]> {
    const clientId = MODE_CLIENTS[poolId as keyof typeof MODE_CLIENTS][mode];
    const realCall = await PROBE_CALLS[probe]({ t, poolId, clientId, subject: real });
    const unknownCall = await PROBE_CALLS[probe]({ t, poolId, clientId, subject: unknown });
    const [a, b] = [await observe(t, realCall), await observe(t, unknownCall)];
    return [{ ...a, bytes: withoutRandomFields(realCall, a.bytes) }, { ...b, bytes: withoutRandomFields(unknownCall, b.bytes) }];
  }
});

function expectSameObservation(a: Observed, b: Observed): void {
  expect(a.bytes.toString("hex"), "serialized response").to.equal(b.bytes.toString("hex"));
  expect(a.code, "gRPC status").to.equal(b.code);
  expect(a.details, "status details").to.equal(b.details);
  // `date` is the HTTP/2 layer's wall-clock second: it differs between any two calls a second apart.
  expect(withoutDate(a.headers), "header metadata").to.deep.equal(withoutDate(b.headers));
  expect(a.trailers, "trailer metadata").to.deep.equal(b.trailers);
}

function withoutDate(headers: Record<string, unknown>): Record<string, unknown> {
  const { date: _date, ...rest } = headers;
  return rest;
}

/** The oneof arm of a serialized response, decoded with the operation's generated type. */
function armOf(probe: Probe, bytes: Buffer): string {
  const decoders: Record<string, (b: Buffer) => { result?: { $case: string } | undefined }> = {
    ConfirmSignUp: (b) => AuthServiceService.confirmSignUp.responseDeserialize(b),
    ResendConfirmationCode: (b) => AuthServiceService.resendConfirmationCode.responseDeserialize(b),
    ForgotPassword: (b) => AuthServiceService.forgotPassword.responseDeserialize(b),
    ConfirmForgotPassword: (b) => AuthServiceService.confirmForgotPassword.responseDeserialize(b),
    InitiateAuth: (b) => AuthServiceService.initiateAuth.responseDeserialize(b),
  };
  const operation = probe.split(/[ ,]/)[0]!;
  return decoders[operation]?.(bytes).result?.$case ?? `no decoder for ${operation}`;
}

function letter(i: number): string {
  return "abcdefghijklmnopqrstuvwxyz"[i % 26]!;
}
