/**
 * The JSON the cards API serves and the cards render. The cards (extensions/app/cards) read the
 * same shapes; test/cards checks both sides against the zod schema in card-data-schema.ts.
 */
export type GateStatusShown = 'passed' | 'blocked' | 'overridden' | 'not_checked';

export interface CardGateItem {
  key: string;
  label: string;
  passed: boolean;
  fix: string;
}

export interface CardGate {
  /** What the gate last recorded on the deal. */
  status: GateStatusShown;
  checkedAt: string | null;
  /** The live checklist against the deal's rule (or the rule it meets on closing). */
  live: 'passed' | 'blocked' | 'overridden' | null;
  items: CardGateItem[];
  passedCount: number;
  total: number;
  overrideReason: string | null;
  stageLabel: string | null;
}

export interface CardField {
  name: string;
  label: string;
  value: string | null;
}

export interface CardComparison {
  label: string;
  proposal: string | null;
  delivery: string | null;
  differs: boolean;
}

export interface CardScope {
  id: string;
  name: string;
  status: string | null;
  approved: boolean;
  deliverables: string | null;
  inScope: string | null;
  outOfScope: string | null;
  comparisons: CardComparison[];
  discrepancyResolution: string | null;
}

export interface CardContract {
  id: string;
  name: string;
  status: string | null;
  startDate: string | null;
  termMonths: number | null;
  renewalDate: string | null;
  daysToRenewal: number | null;
  autoRenew: boolean;
  noticeDays: number | null;
  noticeDeadline: string | null;
  value: number | null;
}

export interface CardCustomerStatus {
  id: string;
  status: string | null;
  reason: string | null;
  changedAt: string | null;
}

export interface DealCardData {
  deal: { id: string; name: string; stage: string | null; pipeline: string | null };
  gate: CardGate;
  handoff: CardField[];
  scope: CardScope | null;
  contract: CardContract | null;
  customerStatus: CardCustomerStatus | null;
  companyId: string | null;
  /** The custom object type ids, so the card can open HubSpot's create forms. */
  objectTypes: { scope: string; contract: string };
}
