import { appendFileSync } from "node:fs";

/** Measurements the cluster suites print, also appended as JSON lines to CLUSTER_RESULTS_FILE when set. */
export function recordResult(name: string, values: Record<string, number | string>): void {
  const file = process.env.CLUSTER_RESULTS_FILE;
  if (file) appendFileSync(file, `${JSON.stringify({ name, ...values })}\n`);
}
