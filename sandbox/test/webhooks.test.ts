import { createHmac, timingSafeEqual } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxOptions } from '../src';
import { startHarness, userClient, type Harness } from './helpers';

/** Signature v3, written here independently of the sandbox: HMAC-SHA256(secret, METHOD+URI+body+timestamp), base64. */
function verifyV3(secret: string, uri: string, rawBody: string, timestamp: string, signature: string): boolean {
  const expected = createHmac('sha256', secret).update(`POST${uri}${rawBody}${timestamp}`, 'utf8').digest();
  const given = Buffer.from(signature, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

interface Received {
  headers: IncomingHttpHeaders;
  rawBody: string;
  events: Array<Record<string, unknown>>;
}

/** A webhook receiver answering the queued statuses (then 204), optionally slowly. */
class Target {
  received: Received[] = [];
  statuses: number[] = [];
  delayMs = 0;
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (raw += c));
    req.on('end', () => {
      this.received.push({ headers: req.headers, rawBody: raw, events: JSON.parse(raw) as Array<Record<string, unknown>> });
      const status = this.statuses.shift() ?? 204;
      setTimeout(() => res.writeHead(status).end(), this.delayMs);
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/hubspot?source=sandbox`;
    return this;
  }

  events(): Array<Record<string, unknown>> {
    return this.received.flatMap((r) => r.events);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }
}

const dealSubs: SandboxOptions['subscriptions'] = [
  { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage', active: true },
  { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'closedate', active: true },
  { subscriptionType: 'object.creation', objectType: 'deal', active: true },
  { subscriptionType: 'object.deletion', objectType: 'deal', active: true },
  { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'amount', active: false },
];

let target: Target;
let h: Harness | undefined;
beforeEach(async () => {
  target = await new Target().start();
});
afterEach(async () => {
  await h?.sandbox.stop();
  h = undefined;
  await target.stop();
});

async function harness(options: SandboxOptions = {}): Promise<Harness> {
  h = await startHarness({ appId: '1000001', portalId: 777, clientSecret: 'shh', webhookTargetUrl: target.url, subscriptions: dealSubs, ...options });
  return h;
}

describe('webhooks: payload and signature', () => {
  it("signs every request (v3) and sends HubSpot's fields; app writes are INTEGRATION, user writes CRM_UI", async () => {
    const { sandbox, client } = await harness();
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'A' }, associations: [] });
    await client.crm.deals.basicApi.update(deal.id, { properties: { dealname: 'renamed', amount: '5' } }); // not subscribed / inactive
    await userClient(sandbox, 9100001).crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedwon' } });
    await userClient(sandbox, 9100001).crm.deals.basicApi.update(deal.id, { properties: { dealstage: 'closedwon' } }); // unchanged
    await client.crm.deals.basicApi.update(deal.id, { properties: { closedate: String(Date.UTC(2026, 5, 1)) } });
    await client.crm.deals.basicApi.archive(deal.id);
    await sandbox.flushWebhooks();

    expect(target.received.length).toBeGreaterThan(0);
    for (const req of target.received) {
      expect(req.headers['content-type']).toBe('application/json');
      const ts = String(req.headers['x-hubspot-request-timestamp']);
      expect(Math.abs(Date.now() - Number(ts))).toBeLessThan(5_000);
      expect(verifyV3('shh', target.url, req.rawBody, ts, String(req.headers['x-hubspot-signature-v3']))).toBe(true);
      expect(verifyV3('other-secret', target.url, req.rawBody, ts, String(req.headers['x-hubspot-signature-v3']))).toBe(false);
      expect(Array.isArray(req.events)).toBe(true);
      expect(req.events.length).toBeLessThanOrEqual(100);
    }

    const events = target.events();
    const common = { portalId: 777, appId: 1000001, objectId: Number(deal.id), objectTypeId: '0-3', attemptNumber: 0 };
    const creation = events.filter((e) => e['subscriptionType'] === 'object.creation');
    expect(creation).toEqual([expect.objectContaining({ ...common, changeFlag: 'CREATED', changeSource: 'INTEGRATION', sourceId: '1000001' })]);
    const stageChanges = events.filter((e) => e['propertyName'] === 'dealstage');
    expect(stageChanges).toEqual([
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.propertyChange',
        propertyValue: 'appointmentscheduled',
        changeSource: 'INTEGRATION',
        sourceId: '1000001',
      }),
      expect.objectContaining({
        ...common,
        subscriptionType: 'object.propertyChange',
        propertyValue: 'closedwon',
        changeSource: 'CRM_UI',
        sourceId: 'userId:9100001',
      }),
    ]);
    expect(events.filter((e) => e['propertyName'] === 'closedate')).toEqual([expect.objectContaining({ propertyValue: String(Date.UTC(2026, 5, 1)) })]);
    expect(events.filter((e) => e['subscriptionType'] === 'object.deletion')).toEqual([expect.objectContaining({ ...common, changeFlag: 'DELETED' })]);
    expect(events.some((e) => e['propertyName'] === 'dealname' || e['propertyName'] === 'amount')).toBe(false);
    for (const e of events) {
      expect(typeof e['eventId']).toBe('number');
      expect(typeof e['subscriptionId']).toBe('number');
      expect(typeof e['occurredAt']).toBe('number');
    }
    expect(new Set(events.map((e) => e['eventId'])).size).toBe(events.length);
  });

  it('batches at most 100 events per request', async () => {
    const { sandbox, client } = await harness({ subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }] });
    const inputs = (n: number) => Array.from({ length: n }, (_, i) => ({ properties: { dealname: `d${i}` }, associations: [] }));
    await client.crm.deals.batchApi.create({ inputs: inputs(100) });
    await client.crm.deals.batchApi.create({ inputs: inputs(50) });
    await sandbox.flushWebhooks();
    expect(target.received.map((r) => r.events.length).sort((a, b) => b - a)).toEqual([100, 50]);
    expect(target.events()).toHaveLength(150);
  });

  it('reads subscriptions and targetUrl from a webhooks-hsmeta.json; a custom object is matched by its 2-… id, never its name (as HubSpot)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sandbox-hsmeta-'));
    const path = join(dir, 'webhooks-hsmeta.json');
    writeFileSync(
      path,
      JSON.stringify({
        uid: 'throughline_webhooks',
        type: 'webhooks',
        config: {
          settings: { targetUrl: target.url, maxConcurrentRequests: 10 },
          subscriptions: {
            crmObjects: [
              { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage', active: true },
              { subscriptionType: 'object.propertyChange', objectType: 'service_contract', propertyName: 'renewal_date', active: true },
            ],
          },
        },
      }),
    );
    const { sandbox, client } = await harness({ webhookTargetUrl: undefined, subscriptions: undefined, webhooksHsmetaPath: path });
    const schema = sandbox.createSchema({
      name: 'service_contract',
      labels: { singular: 'Contract', plural: 'Contracts' },
      primaryDisplayProperty: 'contract_name',
      properties: [
        { name: 'contract_name', label: 'Name', type: 'string', fieldType: 'text' },
        { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
      ],
    });
    await client.crm.objects.basicApi.create(schema.fullyQualifiedName, { properties: { contract_name: 'C', renewal_date: '2027-01-30' }, associations: [] });
    await sandbox.flushWebhooks();
    expect(target.events()).toEqual([]);
    sandbox.setSubscriptions([{ subscriptionType: 'object.propertyChange', objectType: schema.objectTypeId, propertyName: 'renewal_date', active: true }]);
    const contract = await client.crm.objects.basicApi.create(schema.fullyQualifiedName, {
      properties: { contract_name: 'C', renewal_date: '2027-01-31' },
      associations: [],
    });
    await sandbox.flushWebhooks();
    expect(target.events()).toEqual([
      expect.objectContaining({
        objectTypeId: schema.objectTypeId,
        objectId: Number(contract.id),
        propertyName: 'renewal_date',
        propertyValue: String(Date.UTC(2027, 0, 31)),
      }),
    ]);
  });

  it('resolves a ${NAME_OBJECT_TYPE_ID} objectType once the custom object exists; given variables win, unknown ones match nothing', async () => {
    const sub = (objectType: string) => ({ subscriptionType: 'object.propertyChange', objectType, propertyName: 'renewal_date', active: true });
    const subscriptions = [sub('${SERVICE_CONTRACT_OBJECT_TYPE_ID}'), sub('${OTHER_VARIABLE}'), sub('${DEAL_OBJECT_TYPE_ID}')];
    const { sandbox, client } = await harness({ subscriptions });
    const contractSchema = {
      labels: { singular: 'Contract', plural: 'Contracts' },
      primaryDisplayProperty: 'contract_name',
      properties: [
        { name: 'contract_name', label: 'Name', type: 'string', fieldType: 'text' },
        { name: 'renewal_date', label: 'Renewal date', type: 'date', fieldType: 'date' },
      ],
    };
    const schema = sandbox.createSchema({ name: 'service_contract', ...contractSchema });
    const contract = await client.crm.objects.basicApi.create(schema.objectTypeId, {
      properties: { contract_name: 'C', renewal_date: '2027-01-31' },
      associations: [],
    });
    await sandbox.flushWebhooks();
    expect(target.events()).toEqual([
      expect.objectContaining({ objectTypeId: schema.objectTypeId, objectId: Number(contract.id), propertyName: 'renewal_date' }),
    ]);
    await sandbox.stop();

    const other = await harness({ subscriptions, variables: { SERVICE_CONTRACT_OBJECT_TYPE_ID: '2-999', OTHER_VARIABLE: '' } });
    const second = other.sandbox.createSchema({ name: 'service_contract', ...contractSchema });
    await other.client.crm.objects.basicApi.create(second.objectTypeId, { properties: { contract_name: 'C', renewal_date: '2027-01-31' }, associations: [] });
    await other.sandbox.flushWebhooks();
    expect(second.objectTypeId).not.toBe('2-999');
    expect(target.events()).toHaveLength(1);
  });

  it('seeds send webhooks only when asked, with the acting user as the source', async () => {
    const { sandbox } = await harness();
    sandbox.createObject('deals', { dealname: 'quiet' });
    sandbox.createObject(
      'deals',
      { dealname: 'loud', dealstage: 'closedwon' },
      { emitWebhooks: true, actAs: 'userId:9100002', changeSource: 'CRM_UI_BULK_ACTION' },
    );
    await sandbox.flushWebhooks();
    const stage = target.events().filter((e) => e['propertyName'] === 'dealstage');
    expect(stage).toEqual([expect.objectContaining({ propertyValue: 'closedwon', changeSource: 'CRM_UI_BULK_ACTION', sourceId: 'userId:9100002' })]);
  });
});

describe('webhooks: retries and faults', () => {
  it('retries a 5xx answer with the schedule, attemptNumber counting up, same events, fresh signature', async () => {
    const { sandbox, client } = await harness({ subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }] });
    target.statuses = [500, 503, 200];
    await client.crm.deals.basicApi.create({ properties: { dealname: 'A' }, associations: [] });
    await sandbox.idle();
    expect(target.received.map((r) => r.events[0]?.['attemptNumber'])).toEqual([0, 1, 2]);
    expect(new Set(target.received.map((r) => r.events[0]?.['eventId'])).size).toBe(1);
    for (const req of target.received) {
      expect(verifyV3('shh', target.url, req.rawBody, String(req.headers['x-hubspot-request-timestamp']), String(req.headers['x-hubspot-signature-v3']))).toBe(
        true,
      );
    }
    expect(sandbox.deliveries().map((d) => [d.attemptNumber, d.status, d.ok, d.willRetry])).toEqual([
      [0, 500, false, true],
      [1, 503, false, true],
      [2, 200, true, false],
    ]);
  });

  it('does not retry a 4xx', async () => {
    const { sandbox, client } = await harness({ subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }] });
    target.statuses = [401];
    await client.crm.deals.basicApi.create({ properties: { dealname: 'A' }, associations: [] });
    await sandbox.idle();
    expect(sandbox.deliveries().map((d) => [d.status, d.willRetry])).toEqual([[401, false]]);
  });

  it('retries timeouts and gives up after the schedule is used', async () => {
    const { sandbox, client } = await harness({ subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }], webhookTimeoutMs: 100 });
    target.delayMs = 300;
    await client.crm.deals.basicApi.create({ properties: { dealname: 'A' }, associations: [] });
    await sandbox.idle();
    const attempts = sandbox.deliveries();
    expect(attempts.map((d) => d.attemptNumber)).toEqual([0, 1, 2, 3]); // schedule [10, 20, 40] → 4 attempts
    expect(attempts.every((d) => d.status === null && /timed out/.test(d.error ?? ''))).toBe(true);
    expect(attempts.at(-1)?.willRetry).toBe(false);
  });

  it('retries connection errors', async () => {
    const { sandbox, client } = await harness({ subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }], webhookRetrySchedule: [5] });
    const closed = await new Target().start();
    await closed.stop();
    sandbox.setWebhookTarget(closed.url);
    await client.crm.deals.basicApi.create({ properties: { dealname: 'A' }, associations: [] });
    await sandbox.idle();
    expect(sandbox.deliveries().map((d) => [d.attemptNumber, d.status, d.willRetry])).toEqual([
      [0, null, true],
      [1, null, false],
    ]);
  });

  it('drops events by count or probability: they are never sent', async () => {
    const { sandbox, client } = await harness({
      subscriptions: [{ subscriptionType: 'object.creation', objectType: 'deal' }],
      faults: { dropNextWebhooks: 1 },
    });
    const first = await client.crm.deals.basicApi.create({ properties: { dealname: 'dropped' }, associations: [] });
    const second = await client.crm.deals.basicApi.create({ properties: { dealname: 'sent' }, associations: [] });
    await sandbox.flushWebhooks();
    expect(target.events().map((e) => e['objectId'])).toEqual([Number(second.id)]);
    expect(sandbox.droppedWebhooks()).toEqual([expect.objectContaining({ reason: 'fault', event: expect.objectContaining({ objectId: Number(first.id) }) })]);
    sandbox.setFaults({ dropWebhooks: 1 });
    await client.crm.deals.basicApi.create({ properties: { dealname: 'also dropped' }, associations: [] });
    await sandbox.flushWebhooks();
    expect(target.events()).toHaveLength(1);
    expect(sandbox.droppedWebhooks()).toHaveLength(2);
  });
});
