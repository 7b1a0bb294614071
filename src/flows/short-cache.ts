/**
 * Values read from the store on nearly every request and changed rarely (client contexts, pools,
 * a pool's scopes), kept per process for a short time: a change made through another replica is
 * seen within `ttlMs`, one made here at once (the writer calls delete or clear). At most
 * `capacity` entries; past it the oldest goes, so names no request repeats cannot grow it.
 */
/** How long a replica may keep a value after another replica changed it. */
export const SHORT_CACHE_MS = 2_000;

export class ShortCache<V> {
  private readonly entries = new Map<string, { readonly value: V; readonly until: number }>();

  constructor(
    private readonly ttlMs = SHORT_CACHE_MS,
    private readonly capacity = 10_000,
  ) {}

  /** The kept value, or what `load` gives (kept only when `keep` says so: failures are not). */
  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const now = Date.now();
    const cached = this.entries.get(key);
    if (cached && cached.until > now) return cached.value;
    const value = await load();
    if (!keep(value)) return value;
    this.entries.set(key, { value, until: now + this.ttlMs });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
