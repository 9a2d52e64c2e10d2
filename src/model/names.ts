import { OBJECT_TYPE_IDS } from '../hubspot/standard-object-types';

/** HubSpot's naming rules and the names it already owns. */

export const NAME_PATTERN = /^[a-z][a-z0-9_]*$/;

/** Turns a rejected name into one HubSpot would accept, to suggest in error messages. */
export function suggestName(input: string): string {
  const slug = input
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!slug) return 'my_name';
  return /^[a-z]/.test(slug) ? slug : `x_${slug}`;
}

/**
 * Object names HubSpot uses for native objects (singular and plural). A custom object named like one
 * of these collides in the API and in the UI; `contracts`, `projects` and `services` are recent ones.
 */
export const RESERVED_OBJECT_NAMES: ReadonlySet<string> = new Set(
  [
    'contact',
    'company',
    'deal',
    'ticket',
    'task',
    'note',
    'call',
    'email',
    'meeting',
    'product',
    'line_item',
    'quote',
    'invoice',
    'order',
    'cart',
    'payment',
    'subscription',
    'lead',
    'listing',
    'appointment',
    'course',
    'goal',
    'user',
    'owner',
    'contract',
    'project',
    'service',
    'discount',
    'fee',
    'tax',
    'communication',
    'postal_mail',
    'feedback_submission',
    'marketing_event',
    'partner_client',
  ].flatMap((n) => [n, n.endsWith('y') ? `${n.slice(0, -1)}ies` : n.endsWith('x') ? `${n}es` : `${n}s`]),
);

/** Object types a custom object can be associated with when its schema is created. */
export const ASSOCIATED_OBJECTS = ['DEAL', 'COMPANY', 'CONTACT', 'TICKET'] as const;
export type AssociatedObject = (typeof ASSOCIATED_OBJECTS)[number];

export const NATIVE_OBJECT_TYPE_IDS: Record<AssociatedObject, string> = {
  CONTACT: OBJECT_TYPE_IDS.contacts,
  COMPANY: OBJECT_TYPE_IDS.companies,
  DEAL: OBJECT_TYPE_IDS.deals,
  TICKET: OBJECT_TYPE_IDS.tickets,
};

/** Native objects an association label may join, and the associatedObjects entry each needs. */
export const LABEL_NATIVE_ENDS: Record<string, AssociatedObject> = {
  deals: 'DEAL',
  companies: 'COMPANY',
  contacts: 'CONTACT',
  tickets: 'TICKET',
};

/** HubSpot's own deal properties that gate rules may name without defining them in schemas/. */
export const DEFAULT_DEAL_PROPERTIES: ReadonlySet<string> = new Set([
  'dealname',
  'amount',
  'closedate',
  'dealstage',
  'pipeline',
  'dealtype',
  'description',
  'hubspot_owner_id',
  'hs_priority',
  'hs_next_step',
  'createdate',
  'hs_object_id',
]);

/** Properties HubSpot gives every custom object. */
export const DEFAULT_CUSTOM_OBJECT_PROPERTIES: ReadonlySet<string> = new Set(['hs_object_id', 'hs_createdate', 'hs_lastmodifieddate', 'hubspot_owner_id']);
