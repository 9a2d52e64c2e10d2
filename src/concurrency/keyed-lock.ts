/**
 * Serialises work on the same keys inside one process: two webhook deliveries that carry the same
 * deal (HubSpot sends up to 10 at once and duplicates events) must not both create a task.
 * Keys are taken in sorted order, so two holders can never wait on each other.
 */
export class KeyedLock {
  private tails = new Map<string, Promise<void>>();

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    const releases: Array<() => void> = [];
    for (const key of sorted) {
      const previous = this.tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = previous.then(() => mine);
      this.tails.set(key, tail);
      releases.push(() => {
        release();
        if (this.tails.get(key) === tail) this.tails.delete(key);
      });
      await previous;
    }
    try {
      return await work();
    } finally {
      for (const r of releases) r();
    }
  }

  get size(): number {
    return this.tails.size;
  }
}
