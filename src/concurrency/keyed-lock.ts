/**
 * Serialises work on the same keys inside one process: two webhook deliveries that carry the same
 * deal (HubSpot sends up to 10 at once and duplicates events) must not both create a task.
 * All keys are claimed at once, so two holders can never wait on each other.
 */
export class KeyedLock {
  private tails = new Map<string, Promise<void>>();

  async run<T>(keys: string[], work: () => Promise<T>): Promise<T> {
    // Claim every key synchronously, before the first await, so claims never interleave.
    const claims = [...new Set(keys)].sort().map((key) => {
      const previous = this.tails.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = previous.then(() => mine);
      this.tails.set(key, tail);
      return {
        previous,
        release: () => {
          release();
          if (this.tails.get(key) === tail) this.tails.delete(key);
        },
      };
    });
    try {
      await Promise.all(claims.map((c) => c.previous));
      return await work();
    } finally {
      for (const c of claims) c.release();
    }
  }

  get size(): number {
    return this.tails.size;
  }
}
