import { EXISTENCE_TABLE, MODES, type Answer, type Mode, type Row } from "../../src/flows/existence/table.js";
import { call, expectAnswer, expectDelivery, PROBE_CALLS } from "../helpers/existence-probes.js";
import { POOL, startTestApp, type TestApp } from "../helpers/test-app.js";
import { LIFECYCLE_CONFIG, MODE_CLIENTS, seedUser } from "../helpers/user-states.js";

/**
 * The README's table, cell by cell, against the real server: for every
 * operation, user state and mode, a fresh user in that state, the row's request, and the arm,
 * message and delivery the table states. The expectations are read from the same data the README
 * is generated from.
 */
describe("existence table: operation × user state × mode (gRPC + Redis)", function () {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ config: LIFECYCLE_CONFIG });
  });
  after(() => t.stop());

  for (const row of EXISTENCE_TABLE) {
    for (const mode of MODES) {
      const cell = row.cells[mode];
      if (!cell) continue;
      it(`${row.probe} | ${row.state} | ${mode} → ${label(cell)}`, () => runCell(row, mode, cell));
    }
  }

  async function runCell(row: Row, mode: Mode, cell: Answer): Promise<void> {
    const subject = await seedUser(t, POOL, row.state, nameFor(row, mode), { token: row.probe.startsWith("ChangePassword") });
    const context = { t, poolId: POOL, clientId: MODE_CLIENTS[POOL][mode], subject };
    const final = await PROBE_CALLS[row.probe](context);
    const mark = await t.outboxMark(POOL);
    expectAnswer(await call(t, final), cell, subject);
    await expectDelivery(t, POOL, subject, mark, cell.delivery);
  }
});

let counter = 0;

/** A fresh name per cell: every cell starts from its own user, counters and code slots. */
function nameFor(row: Row, mode: Mode): string {
  const slug = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return `${slug(row.probe).slice(0, 40)}-${slug(row.state)}-${mode.toLowerCase()}-${++counter}`;
}

function label(cell: Answer): string {
  return [cell.arm, cell.message, cell.challenge, cell.delivery].filter(Boolean).join(" ");
}
