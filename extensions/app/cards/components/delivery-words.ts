import type { ChangeOrderDecision, DeliveryHealth, DeliverySource } from '../shared/delivery-card-data';

type TagVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

export const HEALTH_WORDS: Record<DeliveryHealth, { label: string; variant: TagVariant }> = {
  not_started: { label: 'Not started', variant: 'default' },
  on_track: { label: 'On track', variant: 'success' },
  at_risk: { label: 'At risk', variant: 'warning' },
  off_track: { label: 'Off track', variant: 'danger' },
  closed: { label: 'Closed', variant: 'info' },
};

export const healthLabel = (health: DeliveryHealth, label: string | null) => label ?? HEALTH_WORDS[health].label;

export const DECISION_WORDS: Record<ChangeOrderDecision, { label: string; variant: 'default' | 'warning' | 'success' | 'error' | 'info' }> = {
  requested: { label: 'Pending decision', variant: 'warning' },
  billed: { label: 'Billed', variant: 'success' },
  absorbed: { label: 'Absorbed', variant: 'error' },
  rejected: { label: 'Rejected', variant: 'default' },
};

/** Pending first (they need someone), then billed, absorbed, rejected. */
export const DECISION_ORDER: ChangeOrderDecision[] = ['requested', 'billed', 'absorbed', 'rejected'];

/** Change Order causes (schemas/ change_order) in a rep's words, when the portal sent no label. */
const CAUSE_WORDS: Record<string, string> = {
  client_request: 'Client asked for more',
  scope_gap: 'Missing from the scope',
  estimate_miss: 'Estimate was too low',
  verbal_promise: 'Promised during the sale',
  dependency: 'Waiting on the client',
  rework: 'Rework',
};

export function causeWords(cause: string | null, label: string | null): string {
  if (label) return label;
  if (!cause) return 'No cause given';
  const words = cause.replace(/_/g, ' ');
  return CAUSE_WORDS[cause] ?? `${words.charAt(0).toUpperCase()}${words.slice(1)}`;
}

const PRIORITY_WORDS: Record<string, string> = { LOW: 'Low', MEDIUM: 'Medium', HIGH: 'High', URGENT: 'Urgent' };
export const priorityWords = (priority: string | null) => (priority ? (PRIORITY_WORDS[priority] ?? priority) : 'No priority');

const SOURCE_NAMES: Record<DeliverySource['source'], string> = { tickets: 'Tickets', invoices: 'Invoices', projects: 'Projects' };

/** Why a source's figures are missing, or null when it was read. */
export function sourceProblem(sources: DeliverySource[], source: DeliverySource['source']): string | null {
  const s = sources.find((x) => x.source === source);
  if (!s || s.status === 'ok') return null;
  if (s.status === 'disabled') return `This portal does not use ${SOURCE_NAMES[source].toLowerCase()} with Throughline, so they are not shown.`;
  return `${SOURCE_NAMES[source]} could not be read just now${s.message ? ` (${s.message})` : ''}. The rest is up to date; this part shows again on the next check.`;
}

/** Hours come from the Scope when the portal does not use projects: only a failed read is news. */
export const projectsProblem = (sources: DeliverySource[]) =>
  sources.some((s) => s.source === 'projects' && s.status === 'unavailable') ? sourceProblem(sources, 'projects') : null;
