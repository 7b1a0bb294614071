import { expect } from "chai";
import { CLIENTS, POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, PASSWORD, passwordSignIn, seedUser, WRONG_PASSWORD } from "../helpers/user-states.js";

const SECOND = 1000;
const MINUTE = 60 * SECOND;

/**
 * Cognito's lockout (docs/cognito.md §6.4): after 5 failures each further attempt is refused for 2^(n−5) s, at
 * most 15 minutes, with "Password attempts exceeded"; attempts during a lockout do not count; 15
 * quiet minutes reset it. An unknown name goes through exactly the same sequence (U10).
 */
describe("lifecycle: lockout (gRPC + Redis)", () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  let n = 0;
  const attempt = (name: string, password: string) => passwordSignIn(t, CLIENTS.enabled, name, password).then((r) => r.result?.value && "message" in r.result.value ? String(r.result.value.message) : r.result?.$case);
  const EXCEEDED = "Password attempts exceeded";
  const INCORRECT = "Incorrect username or password.";

  /** One user and one unknown name: every step below must answer the same for both. */
  async function bothNames(): Promise<string[]> {
    n++;
    await seedUser(t, POOL, "CONFIRMED", `lock-user-${n}`);
    return [`lock-user-${n}`, `lock-ghost-${n}`];
  }

  async function failTimes(name: string, times: number): Promise<string[]> {
    const answers: string[] = [];
    for (let i = 0; i < times; i++) answers.push(String(await attempt(name, WRONG_PASSWORD)));
    return answers;
  }

  it("refuses every attempt for 1 s after five failures, then doubles: 2 s, 4 s", async () => {
    const names = await bothNames();
    for (const name of names) expect(await failTimes(name, 5)).to.deep.equal(Array(5).fill(INCORRECT));
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(EXCEEDED);
    t.clock.advance(SECOND);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD), "6th failure").to.equal(INCORRECT);
    t.clock.advance(2 * SECOND - 1);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD), "still locked for 2 s").to.equal(EXCEEDED);
    t.clock.advance(1);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD), "7th failure").to.equal(INCORRECT);
    t.clock.advance(4 * SECOND - 1);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(EXCEEDED);
  });

  it("refuses the right password during a lockout, and accepts it after", async () => {
    const [user] = await bothNames();
    await failTimes(user!, 5);
    expect(await attempt(user!, PASSWORD)).to.equal(EXCEEDED);
    t.clock.advance(SECOND);
    expect(await attempt(user!, PASSWORD)).to.equal("authenticationResult");
    expect(await failTimes(user!, 5), "a success resets the count").to.deep.equal(Array(5).fill(INCORRECT));
  });

  it("caps the lockout at 15 minutes", async () => {
    const names = await bothNames();
    for (const name of names) await failTimes(name, 5);
    // Failures n = 6 … 15 each wait out the previous lockout: 1 s, 2 s, … 512 s.
    for (let k = 0; k < 10; k++) {
      t.clock.advance(Math.min(2 ** k, 900) * SECOND);
      for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(INCORRECT);
    }
    // n = 15 would be 2^10 s; it is 900 s.
    t.clock.advance(900 * SECOND - 1);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(EXCEEDED);
    t.clock.advance(1);
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(INCORRECT);
  });

  it("resets after 15 quiet minutes", async () => {
    const names = await bothNames();
    for (const name of names) await failTimes(name, 5);
    t.clock.advance(15 * MINUTE);
    for (const name of names) expect(await failTimes(name, 5), "counting from zero again").to.deep.equal(Array(5).fill(INCORRECT));
    for (const name of names) expect(await attempt(name, WRONG_PASSWORD)).to.equal(EXCEEDED);
  });

  it("keys an unknown name's lockout by its normalised form: Bob and bob share one", async () => {
    n++;
    await failTimes(`Ghost-${n}`, 3);
    await failTimes(`GHOST-${n}`, 2);
    expect(await attempt(`ghost-${n}`, WRONG_PASSWORD)).to.equal(EXCEEDED);
  });
});
