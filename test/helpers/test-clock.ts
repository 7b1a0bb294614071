/** A clock tests move by hand: expiry and lockout are tested without waiting. */
export class TestClock {
  constructor(public nowMs = Date.UTC(2026, 10, 26, 12, 0, 0)) {}

  readonly now = () => this.nowMs;

  advance(ms: number): void {
    this.nowMs += ms;
  }
}
