import { CHANGE_ORDER_COMMITMENT_PROPERTY, COMMITMENT_PROPERTIES, HANDOFF_REVIEW_PROPERTIES } from './commitment-properties';
import { CHANGE_ORDER_PROPERTIES, DELIVERY_HEALTH_PROPERTIES, DELIVERY_TASK_PROPERTIES, SCOPE_DELIVERY_PROPERTIES } from './delivery-properties';
import { FEASIBILITY_PROPERTIES } from './presale-properties';

/**
 * Property names the service reads and writes by name. They are defined in schemas/ like every
 * other property; the model loader checks each one exists there, so renaming one in schemas/
 * without renaming it here fails at load time, not in production.
 */
export const GATE_PROPERTIES = {
  status: 'gate_status',
  missing: 'gate_missing_items',
  checkedAt: 'gate_checked_at',
  taskId: 'gate_task_id',
} as const;

export const CONTRACT_PROPERTIES = {
  name: 'contract_name',
  status: 'contract_status',
  startDate: 'start_date',
  termMonths: 'term_months',
  endDate: 'end_date',
  renewalDate: 'renewal_date',
  autoRenew: 'auto_renew',
  noticeDays: 'notice_period_days',
  value: 'contract_value',
  remindersSent: 'reminders_sent',
} as const;

/** Contract statuses that still renew: scanned for reminders, counted for the next renewal. */
export const OPEN_CONTRACT_STATUSES = ['active', 'renewing'];

export const SCOPE_PROPERTIES = {
  name: 'scope_name',
  status: 'scope_status',
  approved: 'delivery_approved',
  deliverables: 'deliverables',
  inScope: 'in_scope',
  outOfScope: 'out_of_scope',
  resolution: 'discrepancy_resolution',
} as const;

export const CUSTOMER_STATUS_PROPERTIES = {
  title: 'status_title',
  status: 'status',
  reason: 'status_reason',
  changedAt: 'status_changed_at',
  setBy: 'status_set_by',
  nextRenewal: 'next_renewal_date',
  engagements: 'engagements_count',
  companyId: 'status_company_id',
} as const;

export const WELL_KNOWN = {
  deal: [
    ...Object.values(GATE_PROPERTIES),
    ...Object.values(DELIVERY_HEALTH_PROPERTIES),
    ...Object.values(DELIVERY_TASK_PROPERTIES),
    ...Object.values(HANDOFF_REVIEW_PROPERTIES),
  ],
  contract: Object.values(CONTRACT_PROPERTIES),
  scope: [...Object.values(SCOPE_PROPERTIES), ...Object.values(SCOPE_DELIVERY_PROPERTIES), ...Object.values(FEASIBILITY_PROPERTIES)],
  customer_status: Object.values(CUSTOMER_STATUS_PROPERTIES),
  change_order: [...Object.values(CHANGE_ORDER_PROPERTIES), CHANGE_ORDER_COMMITMENT_PROPERTY],
  commitment: Object.values(COMMITMENT_PROPERTIES),
} as const;
