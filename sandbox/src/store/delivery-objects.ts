import { options, propertyDef } from './builtin-properties';
import type { ObjectTypeDef } from './object-types';
import type { PipelineDef, PipelineStageDef, PropertyDef, PropertyGroupDef } from './types';

/**
 * The standard objects a services firm's delivery lives in: tickets (0-5), Commerce Hub invoices
 * (0-53) and, opt-in (`projects: true`), HubSpot's Projects object (0-970). Types, their default
 * properties and pipelines, as HubSpot serves them.
 */

export const TICKETS = '0-5';
export const INVOICES = '0-53';
export const PROJECTS = '0-970';

const def = (d: Omit<ObjectTypeDef, 'custom'>): ObjectTypeDef => ({ ...d, custom: false });

export const TICKET_TYPE = def({
  objectTypeId: TICKETS,
  name: 'ticket',
  plural: 'tickets',
  singularLabel: 'Ticket',
  pluralLabel: 'Tickets',
  aliases: ['tickets', 'ticket', TICKETS],
  createdateProperty: 'createdate',
  lastModifiedProperty: 'hs_lastmodifieddate',
  defaultReadProperties: [
    'content',
    'createdate',
    'hs_lastmodifieddate',
    'hs_object_id',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_category',
    'hs_ticket_priority',
    'subject',
  ],
  textSearchProperties: ['subject', 'content'],
});

export const INVOICE_TYPE = def({
  objectTypeId: INVOICES,
  name: 'invoice',
  plural: 'invoices',
  singularLabel: 'Invoice',
  pluralLabel: 'Invoices',
  aliases: ['invoices', 'invoice', INVOICES],
  createdateProperty: 'hs_createdate',
  lastModifiedProperty: 'hs_lastmodifieddate',
  defaultReadProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'],
  textSearchProperties: ['hs_number'],
});

export const PROJECT_TYPE = def({
  objectTypeId: PROJECTS,
  name: 'project',
  plural: 'projects',
  singularLabel: 'Project',
  pluralLabel: 'Projects',
  aliases: ['projects', 'project', PROJECTS],
  createdateProperty: 'hs_createdate',
  lastModifiedProperty: 'hs_lastmodifieddate',
  defaultReadProperties: ['hs_createdate', 'hs_lastmodifieddate', 'hs_name', 'hs_object_id'],
  textSearchProperties: ['hs_name'],
});

/** Which property holds the pipeline and which the stage, for objects in pipelines. */
export const PIPELINE_PROPERTIES: Readonly<Record<string, { pipeline: string; stage: string; defaultPipeline: string }>> = {
  '0-3': { pipeline: 'pipeline', stage: 'dealstage', defaultPipeline: 'default' },
  [TICKETS]: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', defaultPipeline: '0' },
  [PROJECTS]: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', defaultPipeline: 'projects' },
};

const system = (group: string, createdate: string): PropertyDef[] => [
  propertyDef('hs_object_id', 'Record ID', 'number', 'number', group, { readOnlyValue: true }),
  propertyDef(createdate, 'Create date', 'datetime', 'date', group, createdate === 'hs_createdate' ? { readOnlyValue: true } : {}),
  propertyDef('hs_lastmodifieddate', 'Last modified date', 'datetime', 'date', group, { readOnlyValue: true }),
  propertyDef('hubspot_owner_id', 'Owner', 'enumeration', 'select', group, { externalOptions: true }),
];
const group = (name: string, label: string): PropertyGroupDef => ({ name, label, displayOrder: -1, archived: false });
const dynamic = { externalOptions: true };

export const DELIVERY_PROPERTIES: Record<string, () => { properties: PropertyDef[]; groups: PropertyGroupDef[] }> = {
  [TICKETS]: () => ({
    properties: [
      ...system('ticketinformation', 'createdate'),
      propertyDef('subject', 'Ticket name', 'string', 'text', 'ticketinformation'),
      propertyDef('content', 'Ticket description', 'string', 'textarea', 'ticketinformation'),
      propertyDef('hs_pipeline', 'Pipeline', 'enumeration', 'select', 'ticketinformation', dynamic),
      propertyDef('hs_pipeline_stage', 'Ticket status', 'enumeration', 'select', 'ticketinformation', dynamic),
      propertyDef('hs_ticket_priority', 'Priority', 'enumeration', 'select', 'ticketinformation', {
        options: options(['LOW', 'Low'], ['MEDIUM', 'Medium'], ['HIGH', 'High'], ['URGENT', 'Urgent']),
      }),
      propertyDef('hs_ticket_category', 'Category', 'enumeration', 'checkbox', 'ticketinformation', {
        options: options(
          ['PRODUCT_ISSUE', 'Product issue'],
          ['BILLING_ISSUE', 'Billing issue'],
          ['FEATURE_REQUEST', 'Feature request'],
          ['GENERAL_INQUIRY', 'General inquiry'],
        ),
      }),
    ],
    groups: [group('ticketinformation', 'Ticket information')],
  }),
  // Amounts are calculated from line items in HubSpot; the stand-in lets a seed set them directly.
  [INVOICES]: () => ({
    properties: [
      ...system('invoiceinformation', 'hs_createdate'),
      propertyDef('hs_number', 'Invoice number', 'string', 'text', 'invoiceinformation'),
      propertyDef('hs_invoice_status', 'Invoice status', 'enumeration', 'select', 'invoiceinformation', {
        options: options(['draft', 'Draft'], ['open', 'Open'], ['paid', 'Paid'], ['voided', 'Voided']),
      }),
      propertyDef('hs_amount_billed', 'Amount billed', 'number', 'number', 'invoiceinformation'),
      propertyDef('hs_amount_paid', 'Amount paid', 'number', 'number', 'invoiceinformation'),
      propertyDef('hs_balance_due', 'Balance due', 'number', 'number', 'invoiceinformation'),
      propertyDef('hs_due_date', 'Due date', 'date', 'date', 'invoiceinformation'),
      propertyDef('hs_currency', 'Currency', 'string', 'text', 'invoiceinformation'),
    ],
    groups: [group('invoiceinformation', 'Invoice information')],
  }),
  [PROJECTS]: () => ({
    properties: [
      ...system('projectinformation', 'hs_createdate'),
      propertyDef('hs_name', 'Project name', 'string', 'text', 'projectinformation'),
      propertyDef('hs_pipeline', 'Pipeline', 'enumeration', 'select', 'projectinformation', dynamic),
      propertyDef('hs_pipeline_stage', 'Stage', 'enumeration', 'select', 'projectinformation', dynamic),
      propertyDef('hs_target_due_date', 'Target due date', 'date', 'date', 'projectinformation'),
    ],
    groups: [group('projectinformation', 'Project information')],
  }),
};

const SEEDED_AT = Date.UTC(2021, 0, 4, 9, 0, 0);
const stage = (id: string, label: string, displayOrder: number, metadata: Record<string, string>): PipelineStageDef => ({
  id,
  label,
  displayOrder,
  metadata,
  archived: false,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
});
const pipeline = (objectTypeId: string, id: string, label: string, stages: PipelineStageDef[]): PipelineDef => ({
  id,
  objectTypeId,
  label,
  displayOrder: 0,
  archived: false,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
  stages,
});

/**
 * HubSpot's default Support Pipeline (id `0`, stages `1`–`4`): open or closed is the stage's
 * `metadata.ticketState`. Projects (unsure of HubSpot's defaults) close by `isClosed`.
 */
export function deliveryPipelines(): PipelineDef[] {
  return [
    pipeline(TICKETS, '0', 'Support Pipeline', [
      stage('1', 'New', 0, { ticketState: 'OPEN' }),
      stage('2', 'Waiting on contact', 1, { ticketState: 'OPEN' }),
      stage('3', 'Waiting on us', 2, { ticketState: 'OPEN' }),
      stage('4', 'Closed', 3, { ticketState: 'CLOSED' }),
    ]),
    pipeline(PROJECTS, 'projects', 'Projects', [
      stage('project_planned', 'Planned', 0, { isClosed: 'false' }),
      stage('project_in_progress', 'In progress', 1, { isClosed: 'false' }),
      stage('project_done', 'Done', 2, { isClosed: 'true' }),
    ]),
  ];
}
