import { sleep } from './retry';

/**
 * HubSpot allows 5 search requests per second per account and sends no rate-limit headers for
 * search, so we space them ourselves: at most `perSecond` starts in any rolling second.
 */
export class SearchThrottle {
  private starts: number[] = [];
  private queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly perSecond = 4,
    private readonly clock: () => number = Date.now,
    private readonly pause: (ms: number) => Promise<void> = sleep,
  ) {}

  /** Resolves when a search may start; calls are served in order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.waitForSlot());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  private async waitForSlot(): Promise<void> {
    for (;;) {
      const now = this.clock();
      this.starts = this.starts.filter((t) => now - t < 1000);
      if (this.starts.length < this.perSecond) {
        this.starts.push(now);
        return;
      }
      await this.pause(1000 - (now - this.starts[0]!) + 1);
    }
  }
}
