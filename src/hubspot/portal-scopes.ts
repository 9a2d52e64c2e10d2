import { HubSpotError } from './errors';
import { OBJECT_TYPE_IDS as T } from './standard-object-types';

const NATIVE_SCHEMA_SCOPES: Record<string, string> = {
  deals: 'deals',
  [T.deals]: 'deals',
  companies: 'companies',
  [T.companies]: 'companies',
  contacts: 'contacts',
  [T.contacts]: 'contacts',
};

export type Access = 'read' | 'write';

/** An object type as the scope check sees it: a native name, or `custom` for any custom object. */
export type ObjectKind =
  'deals' | 'companies' | 'contacts' | 'tasks' | 'notes' | 'calls' | 'emails' | 'meetings' | 'tickets' | 'invoices' | 'projects' | 'custom';

const NATIVE_IDS: Record<string, ObjectKind> = {
  [T.contacts]: 'contacts',
  [T.companies]: 'companies',
  [T.deals]: 'deals',
  [T.tasks]: 'tasks',
  [T.notes]: 'notes',
  [T.calls]: 'calls',
  [T.emails]: 'emails',
  [T.meetings]: 'meetings',
  [T.tickets]: 'tickets',
  [T.invoices]: 'invoices',
  [T.projects]: 'projects',
  tickets: 'tickets',
  ticket: 'tickets',
  invoices: 'invoices',
  invoice: 'invoices',
  projects: 'projects',
  contacts: 'contacts',
  contact: 'contacts',
  companies: 'companies',
  company: 'companies',
  deals: 'deals',
  deal: 'deals',
  tasks: 'tasks',
  notes: 'notes',
  calls: 'calls',
  emails: 'emails',
  meetings: 'meetings',
};

/** `deals`, `0-3` → deals; `2-123`, `p123_delivery_scope`, `delivery_scope` → custom. */
export function objectKind(objectType: string): ObjectKind {
  return NATIVE_IDS[objectType] ?? 'custom';
}

/**
 * The record scope for an object type. HubSpot files the engagement objects (tasks, notes, calls,
 * emails, meetings) under the contacts scopes; tickets have one scope, `tickets`, for reading and
 * writing; invoices and projects have their own (unsure for projects: crm.objects.projects.*).
 */
export function objectScope(objectType: string, access: Access): string {
  const kind = objectKind(objectType);
  if (kind === 'tickets') return 'tickets';
  if (kind === 'invoices' || kind === 'projects') return `crm.objects.${kind}.${access}`;
  const family = kind === 'deals' || kind === 'companies' || kind === 'contacts' || kind === 'custom' ? kind : 'contacts';
  return `crm.objects.${family}.${access}`;
}

/**
 * The scopes HubSpot's v4 association labels API takes for a pair (reading and creating labels
 * alike): record scopes of the two object types, never crm.schemas.* (HubSpot's spec lists only
 * crm.objects.* scopes for /crm/v4/associations/{from}/{to}/labels).
 */
export function labelScopes(from: string, to: string): string[] {
  return [...new Set([objectScope(from, 'read'), objectScope(to, 'read')])];
}

/** The private-app scope that reading or changing an object type's schema and properties needs. */
export function schemaScope(objectType: string, access: 'read' | 'write'): string {
  return `crm.schemas.${NATIVE_SCHEMA_SCOPES[objectType] ?? 'custom'}.${access}`;
}

function scopesFromBody(err: HubSpotError): string[] | undefined {
  const named = (err.body?.errors ?? []).flatMap((e) => {
    const scopes = e.context?.requiredScopes ?? e.context?.requiredGranularScopes;
    return Array.isArray(scopes) ? scopes.map(String) : [];
  });
  return named.length ? [...new Set(named)] : undefined;
}

/**
 * A 403 names the scope to add: the one HubSpot lists in its answer when it does, otherwise the
 * one this call is known to need.
 */
export function withScopeHint(err: HubSpotError, scopes: string[]): HubSpotError {
  if (err.status !== 403) return err;
  const needed = scopesFromBody(err) ?? scopes;
  return new HubSpotError(
    403,
    `${err.message}\nScope needed: ${needed.join(', ')} (Settings › Integrations › Private apps › Scopes).`,
    err.body,
    err.headers,
    err.operation,
  );
}
