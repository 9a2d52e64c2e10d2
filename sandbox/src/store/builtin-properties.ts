import { COMPANIES, CONTACTS, DEALS, NOTES, TASKS } from './object-types';
import type { PropertyDef, PropertyGroupDef, PropertyOption, PropertyType } from './types';

/**
 * HubSpot's default properties and groups for the standard objects the sandbox serves, and the
 * ones every custom object gets. Options of `pipeline`, `dealstage` and `hubspot_owner_id` are
 * filled at read time from the pipelines and owners (see PropertyRegistry.dynamicOptions).
 */

const EPOCH = Date.UTC(2020, 0, 1);

type Extra = Partial<Omit<PropertyDef, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'>>;

export function propertyDef(name: string, label: string, type: PropertyType, fieldType: string, groupName: string, extra: Extra = {}): PropertyDef {
  return {
    name,
    label,
    type,
    fieldType,
    groupName,
    description: '',
    options: [],
    displayOrder: -1,
    hasUniqueValue: false,
    hidden: false,
    formField: false,
    hubspotDefined: true,
    readOnlyValue: false,
    calculated: false,
    externalOptions: false,
    createdAt: EPOCH,
    updatedAt: EPOCH,
    archived: false,
    ...extra,
  };
}

export const options = (...values: Array<[string, string]>): PropertyOption[] =>
  values.map(([value, label], i) => ({ value, label, displayOrder: i, hidden: false }));

const readOnly: Extra = { readOnlyValue: true };
const dynamic: Extra = { externalOptions: true };

/** Properties every object has (custom ones included), named per type. */
function systemProperties(group: string, createdate: string, lastModified: string): PropertyDef[] {
  return [
    propertyDef('hs_object_id', 'Record ID', 'number', 'number', group, readOnly),
    propertyDef(createdate, 'Create Date', 'datetime', 'date', group, createdate === 'hs_createdate' ? readOnly : {}),
    propertyDef(lastModified, 'Last Modified Date', 'datetime', 'date', group, readOnly),
    propertyDef('hubspot_owner_id', 'Owner', 'enumeration', 'select', group, dynamic),
  ];
}

const booleanOptions = options(['true', 'Yes'], ['false', 'No']);

const dealProperties = (): PropertyDef[] => [
  ...systemProperties('dealinformation', 'createdate', 'hs_lastmodifieddate'),
  propertyDef('dealname', 'Deal Name', 'string', 'text', 'dealinformation'),
  propertyDef('dealstage', 'Deal Stage', 'enumeration', 'radio', 'dealinformation', dynamic),
  propertyDef('pipeline', 'Pipeline', 'enumeration', 'select', 'dealinformation', dynamic),
  propertyDef('amount', 'Amount', 'number', 'number', 'dealinformation'),
  propertyDef('closedate', 'Close Date', 'datetime', 'date', 'dealinformation'),
  propertyDef('dealtype', 'Deal Type', 'enumeration', 'radio', 'dealinformation', {
    options: options(['newbusiness', 'New Business'], ['existingbusiness', 'Existing Business']),
  }),
  propertyDef('description', 'Deal Description', 'string', 'textarea', 'dealinformation'),
  // HubSpot's options are the portal's currencies (multi-currency settings); three stand in for them.
  propertyDef('deal_currency_code', 'Currency', 'enumeration', 'select', 'dealinformation', {
    options: options(['EUR', 'Euro'], ['GBP', 'British pound'], ['USD', 'US dollar']),
  }),
  propertyDef('hs_is_closed', 'Is Deal Closed?', 'bool', 'booleancheckbox', 'dealinformation', {
    ...readOnly,
    calculated: true,
    options: booleanOptions,
  }),
  propertyDef('hs_is_closed_won', 'Is Closed Won', 'bool', 'booleancheckbox', 'dealinformation', {
    ...readOnly,
    calculated: true,
    options: booleanOptions,
  }),
];

const companyProperties = (): PropertyDef[] => [
  ...systemProperties('companyinformation', 'createdate', 'hs_lastmodifieddate'),
  propertyDef('name', 'Company name', 'string', 'text', 'companyinformation'),
  propertyDef('domain', 'Company Domain Name', 'string', 'text', 'companyinformation'),
  propertyDef('industry', 'Industry', 'string', 'text', 'companyinformation'),
  propertyDef('phone', 'Phone Number', 'string', 'phonenumber', 'companyinformation'),
  propertyDef('city', 'City', 'string', 'text', 'companyinformation'),
  propertyDef('country', 'Country/Region', 'string', 'text', 'companyinformation'),
  propertyDef('numberofemployees', 'Number of Employees', 'number', 'number', 'companyinformation'),
  propertyDef('annualrevenue', 'Annual Revenue', 'number', 'number', 'companyinformation'),
  propertyDef('lifecyclestage', 'Lifecycle Stage', 'enumeration', 'radio', 'companyinformation', {
    options: options(
      ['subscriber', 'Subscriber'],
      ['lead', 'Lead'],
      ['marketingqualifiedlead', 'Marketing Qualified Lead'],
      ['salesqualifiedlead', 'Sales Qualified Lead'],
      ['opportunity', 'Opportunity'],
      ['customer', 'Customer'],
      ['evangelist', 'Evangelist'],
      ['other', 'Other'],
    ),
  }),
];

const contactProperties = (): PropertyDef[] => [
  ...systemProperties('contactinformation', 'createdate', 'lastmodifieddate'),
  propertyDef('email', 'Email', 'string', 'text', 'contactinformation', { hasUniqueValue: true }),
  propertyDef('firstname', 'First Name', 'string', 'text', 'contactinformation'),
  propertyDef('lastname', 'Last Name', 'string', 'text', 'contactinformation'),
  propertyDef('phone', 'Phone Number', 'string', 'phonenumber', 'contactinformation'),
  propertyDef('jobtitle', 'Job Title', 'string', 'text', 'contactinformation'),
  propertyDef('company', 'Company Name', 'string', 'text', 'contactinformation'),
];

const taskProperties = (): PropertyDef[] => [
  ...systemProperties('taskinformation', 'hs_createdate', 'hs_lastmodifieddate'),
  propertyDef('hs_timestamp', 'Due date', 'datetime', 'date', 'taskinformation'),
  propertyDef('hs_task_subject', 'Task Title', 'string', 'text', 'taskinformation'),
  propertyDef('hs_task_body', 'Notes', 'string', 'html', 'taskinformation'),
  propertyDef('hs_task_status', 'Task Status', 'enumeration', 'select', 'taskinformation', {
    options: options(
      ['NOT_STARTED', 'Not started'],
      ['IN_PROGRESS', 'In progress'],
      ['WAITING', 'Waiting'],
      ['COMPLETED', 'Completed'],
      ['DEFERRED', 'Deferred'],
    ),
  }),
  propertyDef('hs_task_priority', 'Priority', 'enumeration', 'select', 'taskinformation', {
    options: options(['NONE', 'None'], ['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High']),
  }),
  propertyDef('hs_task_type', 'Task Type', 'enumeration', 'select', 'taskinformation', {
    options: options(['TODO', 'To-do'], ['CALL', 'Call'], ['EMAIL', 'Email'], ['LINKED_IN', 'LinkedIn'], ['MEETING', 'Meeting']),
  }),
  propertyDef('hs_task_completion_date', 'Completed at', 'datetime', 'date', 'taskinformation'),
];

const noteProperties = (): PropertyDef[] => [
  ...systemProperties('noteinformation', 'hs_createdate', 'hs_lastmodifieddate'),
  propertyDef('hs_timestamp', 'Activity date', 'datetime', 'date', 'noteinformation'),
  propertyDef('hs_note_body', 'Note body', 'string', 'html', 'noteinformation'),
  propertyDef('hs_attachment_ids', 'Attachment IDs', 'enumeration', 'checkbox', 'noteinformation', { externalOptions: true }),
];

const group = (name: string, label: string, displayOrder = -1): PropertyGroupDef => ({ name, label, displayOrder, archived: false });

export const BUILTIN_PROPERTIES: Record<string, () => { properties: PropertyDef[]; groups: PropertyGroupDef[] }> = {
  [DEALS]: () => ({ properties: dealProperties(), groups: [group('dealinformation', 'Deal information'), group('deal_activity', 'Deal activity')] }),
  [COMPANIES]: () => ({ properties: companyProperties(), groups: [group('companyinformation', 'Company information')] }),
  [CONTACTS]: () => ({ properties: contactProperties(), groups: [group('contactinformation', 'Contact information')] }),
  [TASKS]: () => ({ properties: taskProperties(), groups: [group('taskinformation', 'Task information')] }),
  [NOTES]: () => ({ properties: noteProperties(), groups: [group('noteinformation', 'Note information')] }),
};

/** What a new custom object starts with, besides the properties in its schema. */
export function customObjectDefaults(name: string, label: string, now: number): { properties: PropertyDef[]; groups: PropertyGroupDef[] } {
  const groupName = `${name}_information`;
  return {
    properties: systemProperties(groupName, 'hs_createdate', 'hs_lastmodifieddate').map((p) => ({ ...p, createdAt: now, updatedAt: now })),
    groups: [group(groupName, `${label} information`)],
  };
}
