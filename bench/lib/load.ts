/** The outcome of a load run: per-call latencies (ms) and the wall time. */
export interface LoadResult {
  readonly latencies: number[];
  readonly errors: number;
  readonly seconds: number;
}

/**
 * Runs `total` calls with `concurrency` in flight, bounded in count and in time (maxSeconds), against
 * a server on loopback only. A call that throws counts as an error.
 */
export async function runLoad(options: { total: number; concurrency: number; maxSeconds: number; call: (i: number) => Promise<unknown> }): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  const deadline = started + options.maxSeconds * 1000;
  const worker = async () => {
    while (next < options.total && performance.now() < deadline) {
      const i = next++;
      const t0 = performance.now();
      try {
        await options.call(i);
        latencies.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  return { latencies, errors, seconds: (performance.now() - started) / 1000 };
}
