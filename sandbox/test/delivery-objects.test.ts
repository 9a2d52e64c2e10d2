import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AssociationSpecAssociationCategoryEnum } from '@hubspot/api-client/lib/codegen/crm/associations/v4';
import { apiError, raw, startHarness, userClient, type Harness } from './helpers';

const HUBSPOT = AssociationSpecAssociationCategoryEnum.HubspotDefined;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.sandbox.stop());
beforeEach(() => h.sandbox.reset());

const deal = () => h.sandbox.createObject('deals', { dealname: 'Delivery deal' }).id;
const company = () => h.sandbox.createObject('companies', { name: 'Delivery Co' }).id;

describe('tickets (0-5)', () => {
  it('serves the Support Pipeline with metadata.ticketState on each stage', async () => {
    const res = await raw(h.sandbox, 'GET', '/crm/v3/pipelines/tickets');
    const [support] = (res.body as { results: Array<{ id: string; stages: Array<{ id: string; metadata: Record<string, string> }> }> }).results;
    expect(support?.id).toBe('0');
    expect(support?.stages.map((s) => [s.id, s.metadata.ticketState])).toEqual([
      ['1', 'OPEN'],
      ['2', 'OPEN'],
      ['3', 'OPEN'],
      ['4', 'CLOSED'],
    ]);
    const viaClient = await h.client.crm.pipelines.pipelinesApi.getAll('0-5');
    expect(viaClient.results[0]?.stages[3]?.metadata).toEqual({ ticketState: 'CLOSED' });
  });

  it('creates with the default pipeline and its first stage, associated to a deal and a company by the default types', async () => {
    const [d, c] = [deal(), company()];
    const t = await h.client.crm.tickets.basicApi.create({
      properties: { subject: 'Checkout 500s', hs_ticket_priority: 'URGENT' },
      associations: [
        { to: { id: d }, types: [{ associationCategory: HUBSPOT, associationTypeId: 28 }] },
        { to: { id: c }, types: [{ associationCategory: HUBSPOT, associationTypeId: 339 }] },
      ],
    });
    expect(t.properties).toMatchObject({ hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'URGENT', subject: 'Checkout 500s' });
    expect(t.properties.createdate).toMatch(/^\d{4}-\d\d-\d\dT/);
    const links = await h.client.crm.associations.v4.batchApi.getPage('deals', 'tickets', { inputs: [{ id: d }] });
    expect(links.results[0]?.to.map((x) => [String(x.toObjectId), x.associationTypes.map((a) => a.typeId)])).toEqual([[t.id, [27]]]);
    const byCompany = await h.client.crm.associations.v4.batchApi.getPage('0-2', '0-5', { inputs: [{ id: c }] });
    expect(byCompany.results[0]?.to[0]?.associationTypes.map((a) => a.typeId)).toEqual([340]);
  });

  it('refuses a stage of another pipeline and a priority HubSpot does not have', async () => {
    const e = await apiError(
      h.client.crm.tickets.basicApi.create({ properties: { subject: 'x', hs_pipeline_stage: 'closedwon', hs_ticket_priority: 'CRITICAL' }, associations: [] }),
    );
    expect(e.code).toBe(400);
    expect(JSON.stringify(e.body)).toContain('closedwon');
    expect(JSON.stringify(e.body)).toContain('CRITICAL');
  });
});

describe('invoices (0-53)', () => {
  it('serves the invoice properties delivery reads, and deal ↔ invoice associations', async () => {
    const d = deal();
    const inv = h.sandbox.createObject(
      'invoices',
      {
        hs_number: 'INV-1',
        hs_invoice_status: 'open',
        hs_amount_billed: '5000',
        hs_amount_paid: '0',
        hs_balance_due: '5000',
        hs_due_date: '2026-12-01',
        hs_currency: 'EUR',
      },
      { associations: [{ toObjectType: 'deals', toObjectId: d }] },
    );
    const read = await h.client.crm.objects.batchApi.read('0-53', {
      inputs: [{ id: inv.id }],
      properties: ['hs_invoice_status', 'hs_balance_due', 'hs_due_date', 'hs_currency'],
      propertiesWithHistory: [],
    });
    expect(read.results[0]?.properties).toMatchObject({ hs_invoice_status: 'open', hs_balance_due: '5000', hs_due_date: '2026-12-01', hs_currency: 'EUR' });
    const links = await h.client.crm.associations.v4.batchApi.getPage('0-53', 'deals', { inputs: [{ id: inv.id }] });
    expect(links.results[0]?.to[0]?.associationTypes.map((a) => a.typeId)).toEqual([175]);
    const e = await apiError(h.client.crm.objects.basicApi.update('invoices', inv.id, { properties: { hs_invoice_status: 'sent' } }));
    expect(e.code).toBe(400);
  });
});

describe('projects (0-970), opt-in', () => {
  it('a portal without them answers 403 on their paths', async () => {
    const e = await apiError(h.client.crm.objects.basicApi.getPage('0-970'));
    expect(e.code).toBe(403);
    expect((await raw(h.sandbox, 'GET', '/crm/v3/pipelines/0-970')).status).toBe(403);
  });

  it('with projects: true they are served with their pipeline and deal associations', async () => {
    const p = await startHarness({ projects: true });
    try {
      const d = p.sandbox.createObject('deals', { dealname: 'With a project' }).id;
      const project = p.sandbox.createObject(
        'projects',
        { hs_name: 'Rollout', hs_target_due_date: '2026-12-15' },
        { associations: [{ toObjectType: 'deals', toObjectId: d }] },
      );
      expect(project.properties).toMatchObject({ hs_pipeline: 'projects', hs_pipeline_stage: 'project_planned' });
      const pipelines = await p.client.crm.pipelines.pipelinesApi.getAll('0-970');
      expect(pipelines.results[0]?.stages.map((s) => s.metadata?.isClosed)).toEqual(['false', 'false', 'true']);
      const links = await p.client.crm.associations.v4.batchApi.getPage('deals', '0-970', { inputs: [{ id: d }] });
      expect(links.results[0]?.to.map((x) => String(x.toObjectId))).toEqual([project.id]);
    } finally {
      await p.sandbox.stop();
    }
  });
});

describe('webhooks for tickets and invoices', () => {
  let server: Server;
  const received: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push(...(JSON.parse(body) as Array<Record<string, unknown>>));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  it('fires object.propertyChange for ticket stage/priority and invoice status, with their object type ids', async () => {
    h.sandbox.setWebhookTarget(`http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`);
    h.sandbox.setSubscriptions([
      { subscriptionType: 'object.propertyChange', objectType: 'ticket', propertyName: 'hs_ticket_priority' },
      { subscriptionType: 'object.propertyChange', objectType: 'invoice', propertyName: 'hs_invoice_status' },
    ]);
    received.length = 0;
    const ticket = h.sandbox.createObject('tickets', { subject: 'Slow', hs_ticket_priority: 'LOW' });
    const invoice = h.sandbox.createObject('invoices', { hs_invoice_status: 'open' });
    await userClient(h.sandbox, 9001).crm.tickets.basicApi.update(ticket.id, { properties: { hs_ticket_priority: 'URGENT', subject: 'Down' } });
    await h.client.crm.objects.basicApi.update('0-53', invoice.id, { properties: { hs_invoice_status: 'paid' } });
    await h.sandbox.flushWebhooks();
    expect(received.map((e) => [e.objectTypeId, e.objectId, e.propertyName, e.propertyValue, e.changeSource])).toEqual(
      expect.arrayContaining([
        ['0-5', Number(ticket.id), 'hs_ticket_priority', 'URGENT', 'CRM_UI'],
        ['0-53', Number(invoice.id), 'hs_invoice_status', 'paid', 'INTEGRATION'],
      ]),
    );
    expect(received).toHaveLength(2);
  });
});
