import { objectTypeNotInPortal, unknownObjectType } from '../errors';

/**
 * Object types the sandbox knows: HubSpot's standard ones it serves plus custom objects created
 * through the schemas API. Resolves every spelling HubSpot accepts in a path: `deals`, `deal`,
 * `0-3`, and for custom objects `2-123`, `p{portalId}_{name}` or the bare name.
 */
export interface ObjectTypeDef {
  objectTypeId: string;
  /** Singular internal name: `deal`, `company`, or the custom object's `name`. */
  name: string;
  /** `deals`, `companies` … for custom objects the fully qualified name. */
  plural: string;
  singularLabel: string;
  pluralLabel: string;
  custom: boolean;
  /** Lowercased spellings that resolve to this type. */
  aliases: string[];
  createdateProperty: string;
  lastModifiedProperty: string;
  /** Returned when a read names no `properties`. */
  defaultReadProperties: string[];
  /** Searched by the `query` of a search request. */
  textSearchProperties: string[];
}

export const DEALS = '0-3';
export const COMPANIES = '0-2';
export const CONTACTS = '0-1';
export const TASKS = '0-27';
export const NOTES = '0-46';

const builtin = (def: Omit<ObjectTypeDef, 'custom'>): ObjectTypeDef => ({ ...def, custom: false });

export const BUILTIN_TYPES: readonly ObjectTypeDef[] = [
  builtin({
    objectTypeId: CONTACTS,
    name: 'contact',
    plural: 'contacts',
    singularLabel: 'Contact',
    pluralLabel: 'Contacts',
    aliases: ['contacts', 'contact', CONTACTS],
    createdateProperty: 'createdate',
    lastModifiedProperty: 'lastmodifieddate',
    defaultReadProperties: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
    textSearchProperties: ['firstname', 'lastname', 'email'],
  }),
  builtin({
    objectTypeId: COMPANIES,
    name: 'company',
    plural: 'companies',
    singularLabel: 'Company',
    pluralLabel: 'Companies',
    aliases: ['companies', 'company', COMPANIES],
    createdateProperty: 'createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultReadProperties: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
    textSearchProperties: ['name', 'domain'],
  }),
  builtin({
    objectTypeId: DEALS,
    name: 'deal',
    plural: 'deals',
    singularLabel: 'Deal',
    pluralLabel: 'Deals',
    aliases: ['deals', 'deal', DEALS],
    createdateProperty: 'createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultReadProperties: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
    textSearchProperties: ['dealname'],
  }),
  builtin({
    objectTypeId: TASKS,
    name: 'task',
    plural: 'tasks',
    singularLabel: 'Task',
    pluralLabel: 'Tasks',
    aliases: ['tasks', 'task', TASKS],
    createdateProperty: 'hs_createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultReadProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    textSearchProperties: ['hs_task_subject', 'hs_task_body'],
  }),
  builtin({
    objectTypeId: NOTES,
    name: 'note',
    plural: 'notes',
    singularLabel: 'Note',
    pluralLabel: 'Notes',
    aliases: ['notes', 'note', NOTES],
    createdateProperty: 'hs_createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultReadProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
    textSearchProperties: ['hs_note_body'],
  }),
];

/** Names a custom object may not take (HubSpot's standard objects, incl. the newer native ones). */
export const RESERVED_OBJECT_NAMES = new Set([
  'contact',
  'contacts',
  'company',
  'companies',
  'deal',
  'deals',
  'ticket',
  'tickets',
  'task',
  'tasks',
  'note',
  'notes',
  'call',
  'calls',
  'email',
  'emails',
  'meeting',
  'meetings',
  'product',
  'products',
  'line_item',
  'line_items',
  'quote',
  'quotes',
  'contract',
  'contracts',
  'project',
  'projects',
  'service',
  'services',
  'invoice',
  'invoices',
  'order',
  'orders',
  'lead',
  'leads',
  'listing',
  'listings',
  'appointment',
  'appointments',
  'course',
  'courses',
  'subscription',
  'subscriptions',
  'goal',
  'goals',
]);

export class ObjectTypeRegistry {
  private types: ObjectTypeDef[];

  /**
   * `extra`: more standard objects this portal has (tickets, invoices, projects); `refused`: ones
   * it lacks, answered 403 (as a portal without the object or its scope does) instead of 400.
   */
  constructor(
    private readonly extra: readonly ObjectTypeDef[] = [],
    private readonly refused: readonly ObjectTypeDef[] = [],
  ) {
    this.types = [...BUILTIN_TYPES, ...extra];
  }

  all(): readonly ObjectTypeDef[] {
    return this.types;
  }

  add(def: ObjectTypeDef): void {
    this.types.push(def);
  }

  remove(objectTypeId: string): void {
    this.types = this.types.filter((t) => t.objectTypeId !== objectTypeId);
  }

  find(token: string): ObjectTypeDef | undefined {
    const wanted = token.trim().toLowerCase();
    return this.types.find((t) => t.aliases.includes(wanted));
  }

  /** Like `find`, but answers HubSpot's 400 for a type it cannot infer. */
  resolve(token: string): ObjectTypeDef {
    const def = this.find(token);
    const lacking = def ? undefined : this.refused.find((t) => t.aliases.includes(token.trim().toLowerCase()));
    if (lacking) throw objectTypeNotInPortal(lacking.pluralLabel.toLowerCase(), lacking.objectTypeId);
    if (!def) throw unknownObjectType(token);
    return def;
  }

  byId(objectTypeId: string): ObjectTypeDef {
    const def = this.types.find((t) => t.objectTypeId === objectTypeId);
    if (!def) throw unknownObjectType(objectTypeId);
    return def;
  }

  reset(): void {
    this.types = [...BUILTIN_TYPES, ...this.extra];
  }
}
