/**
 * Bounds the calls one process works on at once (docs/quotas.md, "Overload"). Past the bound a call
 * is answered at once instead of waiting behind the others: accepted calls keep their latency and
 * memory stays bounded, whatever the offered load.
 */
export class InFlightLimit {
  private current = 0;

  constructor(readonly limit: number) {}

  /** Takes a slot; false when the process is full and the call must be shed. */
  tryEnter(): boolean {
    if (this.current >= this.limit) return false;
    this.current += 1;
    return true;
  }

  leave(): void {
    this.current -= 1;
  }

  get inFlight(): number {
    return this.current;
  }
}
