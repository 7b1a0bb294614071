// Controls test/fixtures/triggers/gate.mjs: know when a call has entered the hook, then let it go.
const GATE = Symbol.for("identity.test.gate");

interface Gate {
  waiting: (() => void)[];
  entered: (() => void)[];
}

function gate(): Gate {
  const global = globalThis as Record<symbol, Gate | undefined>;
  return (global[GATE] ??= { waiting: [], entered: [] });
}

/** Resolves when the next call enters the gated hook. */
export function nextEntry(): Promise<void> {
  return new Promise((resolve) => gate().entered.push(resolve));
}

/** Lets every held call go on. */
export function openGate(): void {
  const held = gate().waiting;
  gate().waiting = [];
  held.forEach((release) => release());
}
