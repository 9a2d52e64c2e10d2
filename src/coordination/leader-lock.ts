/**
 * Who runs the scheduler (sweep, renewal scan, daily passes). SCHEDULER=on may be set on every
 * replica: each contends, one leads, and the scheduler's ticks run only `if (lock.isLeader())`.
 * Without Redis the one process is always the leader.
 */
export interface LeaderLock {
  /** Starts contending (first attempt awaited); keeps renewing or retrying until stop(). */
  start(): Promise<void>;
  isLeader(): boolean;
  /** The fencing token of the current leadership; higher than every earlier leader's. */
  readonly fencingToken: number | undefined;
  /** Called with true on winning and false on losing leadership; returns an unsubscribe function. */
  onChange(listener: (leader: boolean) => void): () => void;
  /** Stops contending and gives leadership up at once (another replica takes over). */
  stop(): Promise<void>;
}

export function alwaysLeader(): LeaderLock {
  return {
    start: async () => undefined,
    isLeader: () => true,
    fencingToken: 1,
    onChange: () => () => undefined,
    stop: async () => undefined,
  };
}
