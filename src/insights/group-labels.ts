import type { Owner, Pipeline } from '../hubspot/types';
import type { Model } from '../model';
import { ownerName } from '../words/format-words';
import type { OutcomeGroupBy } from './group-by';

/** HubSpot's own deal type options, as HubSpot shows them. */
const DEAL_TYPES: Record<string, string> = { newbusiness: 'New business', existingbusiness: 'Existing business' };

/** Group value → the label people know: deal types, pipeline labels, owner names, option labels. Pure. */
export function groupLabels(by: OutcomeGroupBy, model: Pick<Model, 'deals'>, pipelines: readonly Pipeline[], owners: readonly Owner[]): Record<string, string> {
  if (by === 'dealtype') return DEAL_TYPES;
  if (by === 'pipeline') return Object.fromEntries(pipelines.map((p) => [p.id, p.label]));
  if (by === 'owner') return Object.fromEntries(owners.flatMap((o) => (ownerName(o) ? [[o.id, ownerName(o)!] as const] : [])));
  const def = model.deals.groups.flatMap((g) => g.properties).find((p) => p.name === by.property);
  return Object.fromEntries((def?.options ?? []).map((o) => [o.value, o.label]));
}
