import type { DeliveryHealth } from './assessment';

/** How bad each health is; not started and closed are outside the scale, below on track. */
const SEVERITY: Record<DeliveryHealth, number> = { not_started: 0, closed: 0, on_track: 1, at_risk: 2, off_track: 3 };

const severity = (health: string | null | undefined): number =>
  health !== null && health !== undefined && health in SEVERITY ? SEVERITY[health as DeliveryHealth] : 0;

/**
 * Whether `next` is worse than `previous` (what the deal property held, possibly empty or a value
 * from an older option set, which counts as no health yet).
 */
export function isWorse(previous: DeliveryHealth | string | null | undefined, next: DeliveryHealth): boolean {
  return severity(next) > severity(previous);
}
