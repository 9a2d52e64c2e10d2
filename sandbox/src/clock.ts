/**
 * The sandbox's notion of "now". Real time by default; tests can pin it (`set`) and move it
 * (`advance`) so records can be created "long ago". Rate limits and webhook signing timestamps use
 * real time, never this clock: they must match what the receiving service sees.
 */
export class SandboxClock {
  private pinned: number | null = null;

  now(): number {
    return this.pinned ?? Date.now();
  }

  /** Pin the clock at `at`; `null` returns to real time. */
  set(at: number | string | Date | null): void {
    this.pinned = at === null ? null : toEpochMs(at);
  }

  /** Move the clock forward (pins it if it was following real time). */
  advance(ms: number): void {
    this.pinned = this.now() + ms;
  }

  isPinned(): boolean {
    return this.pinned !== null;
  }
}

/** Accepts epoch ms (number or numeric string), an ISO string or a Date. */
export function toEpochMs(at: number | string | Date): number {
  if (at instanceof Date) return checked(at.getTime(), String(at));
  if (typeof at === 'number') return checked(at, String(at));
  const trimmed = at.trim();
  if (/^-?\d+$/.test(trimmed)) return checked(Number(trimmed), at);
  return checked(Date.parse(trimmed), at);
}

function checked(ms: number, original: string): number {
  if (!Number.isFinite(ms)) throw new Error(`Not a valid time: ${original} (use epoch ms or an ISO date)`);
  return ms;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
