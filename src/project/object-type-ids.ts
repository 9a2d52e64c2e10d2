/**
 * HubSpot names a custom object in webhook subscriptions by its object type id (`2-…`; the v3
 * subscriptions API takes `objectTypeId`), which a portal assigns when the schema is created. So
 * webhooks-hsmeta.json names each subscribed custom object by a profile variable holding that id,
 * and each profile (one per portal) sets it once the portal is provisioned.
 */

/** `service_contract` → `SERVICE_CONTRACT_OBJECT_TYPE_ID`. */
export function objectTypeIdVariable(schemaName: string): string {
  return `${schemaName.toUpperCase()}_OBJECT_TYPE_ID`;
}

/** `${SERVICE_CONTRACT_OBJECT_TYPE_ID}`, as it stands in webhooks-hsmeta.json. */
export const objectTypeIdRef = (schemaName: string): string => `\${${objectTypeIdVariable(schemaName)}}`;

export const OBJECT_TYPE_ID = /^2-\d+$/;
export const OBJECT_TYPE_ID_VARIABLE = /^[A-Z][A-Z0-9_]*_OBJECT_TYPE_ID$/;

/**
 * Object types a crmObjects subscription may name literally (HubSpot's standard objects, singular,
 * as its project templates spell them); anything else must be a `2-…` id or a variable holding one.
 */
export const STANDARD_SUBSCRIPTION_OBJECTS: ReadonlySet<string> = new Set([
  'contact',
  'company',
  'deal',
  'ticket',
  'product',
  'line_item',
  'quote',
  'call',
  'email',
  'meeting',
  'note',
  'task',
  'communication',
  'postal_mail',
  'invoice',
  'order',
  'cart',
  'lead',
  'subscription',
  'user',
  'appointment',
  'course',
  'listing',
  'service',
  'commerce_payment',
  'discount',
  'fee',
  'tax',
  'feedback_submission',
  'goal_target',
  'partner_client',
]);
