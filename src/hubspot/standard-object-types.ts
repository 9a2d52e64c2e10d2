/**
 * HubSpot's fixed object type ids for its standard objects: the one place they are written.
 * Custom objects get a `2-…` id per portal (discovered at run time, src/hubspot/object-types.ts).
 */
export const OBJECT_TYPE_IDS = {
  contacts: '0-1',
  companies: '0-2',
  deals: '0-3',
  tickets: '0-5',
  products: '0-7',
  lineItems: '0-8',
  tasks: '0-27',
  notes: '0-46',
  meetings: '0-47',
  calls: '0-48',
  emails: '0-49',
  invoices: '0-53',
  projects: '0-970',
} as const;

/** Custom objects' ids start with `2-`; standard objects' with `0-`. */
export const isCustomObjectTypeId = (id: string | undefined): id is string => !!id && id.startsWith('2-');
