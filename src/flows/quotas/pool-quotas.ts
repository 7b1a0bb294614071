import type { RequestRateQuotas } from "../../gen/identity/v1/common.js";
import { invalidParameter, type InvalidParameter } from "../outcome.js";
import { DEFAULT_RATES, MAX_RATE, QUOTA_CATEGORIES, type QuotaCategory } from "./categories.js";

type Overrides = Partial<Record<QuotaCategory, number>>;

/** The wire field of each category: `UserAuthentication` ↔ `userAuthentication`. */
const fieldOf = (category: QuotaCategory) => (category[0]!.toLowerCase() + category.slice(1)) as keyof RequestRateQuotas;

/** A pool's quota settings: only the categories it sets (zero keeps the default), each 1–100000. */
export function quotasFrom(wire: RequestRateQuotas | undefined): Overrides | InvalidParameter {
  const overrides: Overrides = {};
  for (const category of QUOTA_CATEGORIES) {
    const rate = wire?.[fieldOf(category)] ?? 0;
    if (rate === 0) continue;
    if (!Number.isInteger(rate) || rate > MAX_RATE) {
      return invalidParameter(`settings.request_rate_quotas.${snake(category)}`, `request rates must be 1-${MAX_RATE} requests per second`);
    }
    overrides[category] = rate;
  }
  return overrides;
}

/** The rates in force, defaults filled in, as the contract shows them. */
export function quotasView(overrides: Readonly<Record<string, number>> | undefined): RequestRateQuotas {
  return Object.fromEntries(QUOTA_CATEGORIES.map((c) => [fieldOf(c), overrides?.[c] ?? DEFAULT_RATES[c]])) as unknown as RequestRateQuotas;
}

function snake(category: QuotaCategory): string {
  return category.replace(/(?<!^)([A-Z])/g, "_$1").toLowerCase();
}
