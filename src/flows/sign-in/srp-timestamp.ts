const HOUR_MS = 3_600_000;

/**
 * Whether a PASSWORD_VERIFIER TIMESTAMP is within the configured skew of the server clock
 * (docs/cognito.md §4.4 step 6, deps.settings.srpTimestampSkewSeconds).
 *
 * alexrudd/cognito-srp (Go) formats the hour with layout "03", a 12-hour clock: 15:04 is sent as
 * "03:04", 00:30 as "12:30" (docs/cognito.md §4.8). Its signature still verifies, because the server signs
 * the string it parsed; only the instant is 12 h off. So an hour of 1-11 may also mean 12 h later
 * and 12 may mean 12 h earlier. Accepting that costs nothing: freshness is enforced by the
 * SECRET_BLOCK itself (sealed issue time, auth-session validity, single use), not by the
 * client-chosen TIMESTAMP.
 */
export function timestampWithinSkew(claimed: Date, now: number, skewSeconds: number): boolean {
  const skewMs = skewSeconds * 1000;
  const t = claimed.getTime();
  if (Math.abs(t - now) <= skewMs) return true;
  const hour = claimed.getUTCHours();
  if (hour < 1 || hour > 12) return false;
  const twelveHourReading = hour === 12 ? t - 12 * HOUR_MS : t + 12 * HOUR_MS;
  return Math.abs(twelveHourReading - now) <= skewMs;
}
