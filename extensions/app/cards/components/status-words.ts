import type { GateStatusShown } from '../shared/card-data';

type TagVariant = 'danger' | 'warning' | 'info' | 'success' | 'default';

export const GATE_WORDS: Record<GateStatusShown, { label: string; variant: TagVariant }> = {
  passed: { label: 'Passed', variant: 'success' },
  blocked: { label: 'Blocked', variant: 'danger' },
  overridden: { label: 'Overridden', variant: 'warning' },
  not_checked: { label: 'Not checked', variant: 'default' },
};

/** Customer Status values (schemas/objects/customer-status.json) → how worried the tag looks. */
const CUSTOMER_VARIANTS: Record<string, TagVariant> = {
  onboarding: 'info',
  active: 'success',
  expansion: 'success',
  renewal: 'warning',
  paused: 'warning',
  at_risk: 'danger',
  dispute: 'danger',
  lapsed: 'default',
  churned: 'default',
};

export const customerVariant = (status: string | null): TagVariant => (status ? (CUSTOMER_VARIANTS[status] ?? 'default') : 'default');
