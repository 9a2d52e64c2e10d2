/**
 * Sliding-window limiters on real time (not the sandbox clock): HubSpot's 10-second rolling limit
 * for private apps and the search API's 5 requests per second.
 */
export class SlidingWindow {
  private hits: number[] = [];

  constructor(
    public max: number,
    public intervalMs: number,
  ) {}

  private prune(now: number): void {
    while (this.hits.length > 0 && (this.hits[0] ?? 0) <= now - this.intervalMs) this.hits.shift();
  }

  /** Records a hit and returns true, or returns false when the window is full. */
  tryHit(now = Date.now()): boolean {
    this.prune(now);
    if (this.hits.length >= this.max) return false;
    this.hits.push(now);
    return true;
  }

  remaining(now = Date.now()): number {
    this.prune(now);
    return Math.max(0, this.max - this.hits.length);
  }

  /** Seconds until a slot frees up (at least 1). */
  retryAfterSeconds(now = Date.now()): number {
    this.prune(now);
    const oldest = this.hits[0];
    if (oldest === undefined) return 1;
    return Math.max(1, Math.ceil((oldest + this.intervalMs - now) / 1000));
  }

  reset(): void {
    this.hits = [];
  }
}
