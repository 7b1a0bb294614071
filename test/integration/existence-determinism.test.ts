import { expect } from "chai";
import { CLIENTS, startPeerApp, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG } from "../helpers/user-states.js";

/**
 * Simulated answers are derived from the server secret and the normalised name, never stored or
 * drawn at random: the same name gets the same answer on every call, from every replica, after a
 * restart — so asking again reveals nothing (docs/cognito.md §4.6, §6.1).
 */
describe("existence: simulated answers are deterministic (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  const ask = (auth: TestApp["auth"], username: string) => Promise.all([
    auth.forgotPassword({ clientId: CLIENTS.enabled, secretHash: "", username, clientMetadata: {} }).then((r) => r.result),
    auth.resendConfirmationCode({ clientId: CLIENTS.strict, secretHash: "", username, clientMetadata: {} }).then((r) => r.result),
  ]);

  it("answers a name the same on every call, on another replica, and after a restart", async () => {
    const first = await ask(t.auth, "ghost-determinism");
    expect(first[0]?.$case).to.equal("success");
    expect(await ask(t.auth, "ghost-determinism")).to.deep.equal(first);
    const replica = await startPeerApp(t);
    expect(await ask(replica.auth, "ghost-determinism")).to.deep.equal(first);
    await replica.stop();
    const restarted = await startPeerApp(t);
    expect(await ask(restarted.auth, "ghost-determinism")).to.deep.equal(first);
    await restarted.stop();
  });

  it("folds case as the pool does: Bob and bob get one answer", async () => {
    expect(await ask(t.auth, "Ghost-Case")).to.deep.equal(await ask(t.auth, "ghost-case"));
  });

  it("differs between names and between server secrets", async () => {
    const names = Array.from({ length: 20 }, (_, i) => `ghost-spread-${i}`);
    const here = await Promise.all(names.map(async (name) => JSON.stringify((await ask(t.auth, name))[0])));
    expect(new Set(here).size, "pseudo-addresses vary by name").to.be.greaterThan(3);
    const other = await startTestApp({ config: LIFECYCLE_CONFIG });
    try {
      const there = await Promise.all(names.map(async (name) => JSON.stringify((await ask(other.auth, name))[0])));
      expect(there).to.not.deep.equal(here);
    } finally {
      await other.stop();
    }
  });
});
