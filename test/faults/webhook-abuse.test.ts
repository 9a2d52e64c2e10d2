import { HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedDeal } from '../../scripts/lib/seed';
import { hubspotEvent } from '../helpers/sign';
import { startFaultStack, type FaultStack } from './harness';
import { send, signedFor, WEBHOOK, type Reply } from './post';

/**
 * Abuse of the webhook endpoint of the real service (stand-in behind it). Every request below
 * carries events that would make the gate act — a "bait" deal sits in Closed Won with nothing
 * filled in — so if any of them were processed, the bait would be sent back and get a task.
 * Each is answered as DESIGN and src/webhooks say; the stand-in sees no call at all; the process
 * stays up; and at the end one genuine event proves the bait was live all along.
 */

const MIN = 60_000;
let stack: FaultStack;
let bait: string;
let secret: string;
let skewMs = 0;

beforeAll(async () => {
  stack = await startFaultStack({ service: { signatureClock: () => Date.now() + skewMs } });
  secret = stack.config.HUBSPOT_CLIENT_SECRET;
  const company = seedCompany(stack.sandbox, 'Bait Co');
  bait = seedDeal(stack.sandbox, { name: 'Bait deal', companyId: company, props: { handoff_business_problem: HANDOFF_COMPLETE.handoff_business_problem } });
  stack.sandbox.updateObject('deals', bait, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  await stack.service.runtime.portalTypes(); // warm caches, so the abuse phase can assert "no call"
  await stack.service.runtime.pipelines.all();
  stack.sandbox.resetCounters();
});
afterAll(async () => stack?.close());

const baitEvent = (overrides: Record<string, unknown> = {}) =>
  hubspotEvent({
    objectId: Number(bait),
    propertyValue: 'closedwon',
    portalId: stack.sandbox.portalId,
    appId: Number(stack.sandbox.appId),
    occurredAt: Date.now(),
    ...overrides,
  });
const body = (...events: unknown[]) => JSON.stringify(events);
const post = (payload: string | Buffer, headers: Record<string, string>): Promise<Reply> => send(stack.service.url, WEBHOOK, { body: payload, headers });
const signed = (payload: string | Buffer, timestamp?: number) => signedFor(stack.service.url, payload, secret, timestamp);

function expectRefused(reply: Reply, status: number, error: string, extra: Record<string, unknown> = {}): void {
  expect({ status: reply.status, ...reply.json }).toMatchObject({ status, error, ...extra });
}

describe('refused before anything is parsed: 401', () => {
  const payload = () => body(baitEvent());

  it('forged signature', async () => {
    const p = payload();
    expectRefused(await post(p, { ...signed(p), 'X-HubSpot-Signature-v3': Buffer.alloc(32, 1).toString('base64') }), 401, 'invalid_signature', {
      reason: 'bad_signature',
    });
  });

  it('signed with another secret', async () => {
    const p = payload();
    expectRefused(await post(p, signedFor(stack.service.url, p, 'not-the-client-secret')), 401, 'invalid_signature', { reason: 'bad_signature' });
  });

  it('tampered body (a signed batch with one value changed)', async () => {
    const original = body(baitEvent({ propertyValue: 'closedlost' }));
    expectRefused(await post(original.replace('closedlost', 'closedwon'), signed(original)), 401, 'invalid_signature', { reason: 'bad_signature' });
  });

  it('stale: signed 6 minutes ago', async () => {
    const p = payload();
    expectRefused(await post(p, signed(p, Date.now() - 6 * MIN)), 401, 'invalid_signature', { reason: 'stale_timestamp' });
  });

  it('future-dated: signed 6 minutes ahead', async () => {
    const p = payload();
    expectRefused(await post(p, signed(p, Date.now() + 6 * MIN)), 401, 'invalid_signature', { reason: 'future_timestamp' });
  });

  it('replayed byte for byte 6 minutes after it was captured', async () => {
    const p = payload();
    const captured = signed(p);
    skewMs = 6 * MIN + 1; // the service's clock, 6 minutes on
    try {
      expectRefused(await post(p, captured), 401, 'invalid_signature', { reason: 'stale_timestamp' });
    } finally {
      skewMs = 0;
    }
  });

  it('missing headers: no signature, no timestamp, neither; a non-numeric timestamp', async () => {
    const p = payload();
    const { 'X-HubSpot-Signature-v3': signature, 'X-HubSpot-Request-Timestamp': timestamp } = signed(p);
    expectRefused(await post(p, { 'X-HubSpot-Request-Timestamp': timestamp! }), 401, 'invalid_signature', { reason: 'missing_signature' });
    expectRefused(await post(p, { 'X-HubSpot-Signature-v3': signature! }), 401, 'invalid_signature', { reason: 'missing_timestamp' });
    expectRefused(await post(p, {}), 401, 'invalid_signature', { reason: 'missing_signature' });
    expectRefused(await post(p, { 'X-HubSpot-Signature-v3': signature!, 'X-HubSpot-Request-Timestamp': 'yesterday' }), 401, 'invalid_signature', {
      reason: 'malformed_timestamp',
    });
  });

  it('200 forged batches at once do not take the slots of a genuine one', async () => {
    const p = payload();
    const forged = Array.from({ length: 200 }, () => post(p, { ...signed(p), 'X-HubSpot-Signature-v3': 'AAAA' }));
    const empty = body(baitEvent({ subscriptionType: 'object.somethingNew' })); // genuine, but nothing to do
    const genuine = post(empty, signed(empty));
    const replies = await Promise.all(forged);
    expect(new Set(replies.map((r) => r.status))).toEqual(new Set([401]));
    expect((await genuine).status).toBe(200);
  });
});

describe('signed, but not a batch to process', () => {
  it('non-JSON → 400', async () => {
    const p = 'dealstage=closedwon&objectId=1';
    expectRefused(await post(p, signed(p)), 400, 'malformed_json');
  });

  it('invalid UTF-8 → 400', async () => {
    const p = Buffer.concat([Buffer.from(body(baitEvent()).slice(0, -2)), Buffer.from([0xc3, 0x28]), Buffer.from('}]')]);
    expectRefused(await post(p, signed(p)), 400, 'malformed_json');
  });

  it('a JSON object instead of an array → 400', async () => {
    const p = JSON.stringify({ events: [baitEvent()] });
    expectRefused(await post(p, signed(p)), 400, 'not_an_array');
  });

  it('an array holding something other than events → 400, the good events with it unprocessed', async () => {
    const p = body(baitEvent(), 'closedwon', null);
    expectRefused(await post(p, signed(p)), 400, 'invalid_batch');
  });

  it('a 2 MB body → 413 before it is verified, signed or not', async () => {
    const events = Array.from({ length: 7_000 }, (_, i) => baitEvent({ eventId: i }));
    const p = body(...events);
    expect(Buffer.byteLength(p)).toBeGreaterThan(2_000_000);
    expectRefused(await post(p, signed(p)), 413, 'payload_too_large');
    expectRefused(await post(p, {}), 413, 'payload_too_large');
  });

  it('10,000 events in one body → 413 (too large as HubSpot-sized events; too many as tiny ones)', async () => {
    const sized = body(...Array.from({ length: 10_000 }, (_, i) => baitEvent({ eventId: i })));
    expectRefused(await post(sized, signed(sized)), 413, 'payload_too_large');
    const tiny = JSON.stringify(Array.from({ length: 10_000 }, (_, i) => ({ eventId: i, objectId: Number(bait) })));
    expect(Buffer.byteLength(tiny)).toBeLessThan(1_000_000);
    expectRefused(await post(tiny, signed(tiny)), 413, 'too_many_events', { max: 1_000 });
  });

  it('unknown event types → 200, skipped and counted', async () => {
    const p = body(
      baitEvent({ subscriptionType: 'object.somethingNew' }),
      baitEvent({ subscriptionType: 'deal.teleported' }),
      baitEvent({ subscriptionType: 'x'.repeat(5_000) }),
    );
    const reply = await post(p, signed(p));
    expect([reply.status, reply.json]).toEqual([200, { received: 3, processed: 0, skipped: { ownWrite: 0, unknownType: 3, invalid: 0 } }]);
  });

  it('property values of the wrong type → 200, each event skipped as invalid', async () => {
    const p = body(
      baitEvent({ propertyValue: 1 }), // HubSpot sends strings; a number is not coerced
      baitEvent({ propertyValue: true }),
      baitEvent({ propertyValue: { stage: 'closedwon' } }),
      baitEvent({ objectId: 'not-an-id' }),
      baitEvent({ objectId: -5 }),
      baitEvent({ objectTypeId: 3 }),
      baitEvent({ propertyName: ['dealstage'] }),
      baitEvent({ eventId: 1.5 }),
      baitEvent({ occurredAt: '2026-11-21' }),
    );
    const reply = await post(p, signed(p));
    expect([reply.status, reply.json]).toEqual([200, { received: 9, processed: 0, skipped: { ownWrite: 0, unknownType: 0, invalid: 9 } }]);
  });

  it("this app's own writes → 200, skipped", async () => {
    const p = body(baitEvent({ changeSource: 'INTEGRATION', sourceId: stack.sandbox.appId }));
    const reply = await post(p, signed(p));
    expect([reply.status, reply.json]).toEqual([200, { received: 1, processed: 0, skipped: { ownWrite: 1, unknownType: 0, invalid: 0 } }]);
  });
});

describe('after all of it', () => {
  it('nothing reached HubSpot, the bait is untouched, and the process answers', async () => {
    expect(stack.sandbox.calls().total).toBe(0);
    const deal = stack.sandbox.getObject('deals', bait)!;
    expect([deal.properties.dealstage, deal.properties.gate_status ?? '']).toEqual(['closedwon', '']);
    expect(stack.sandbox.listObjects('tasks')).toHaveLength(0);
    const health = await send(stack.service.url, '/healthz', { method: 'GET' });
    expect([health.status, health.json]).toEqual([200, { status: 'ok' }]);
  });

  it('one genuine event among bad ones is processed alone: the bait was live', async () => {
    const p = body(baitEvent({ propertyValue: 7 }), baitEvent({ subscriptionType: 'object.teleported' }), baitEvent({ eventId: 9_999 }));
    const reply = await post(p, signed(p));
    expect([reply.status, reply.json]).toEqual([200, { received: 3, processed: 1, skipped: { ownWrite: 0, unknownType: 1, invalid: 1 } }]);
    const deal = stack.sandbox.getObject('deals', bait)!;
    expect([deal.properties.dealstage, deal.properties.gate_status]).toEqual(['contractsent', 'blocked']);
    expect(stack.sandbox.listObjects('tasks')).toHaveLength(1);
  });

  it('a replay of that genuine batch byte for byte within the 5 minutes is refused (409) and makes no HubSpot call', async () => {
    const p = body(baitEvent({ eventId: 9_999 }));
    const headers = signed(p);
    const first = await post(p, headers);
    await stack.sandbox.idle();
    const callsBefore = stack.sandbox.calls().total;
    const again = await post(p, headers);
    expect(first.status).toBe(200);
    expectRefused(again, 409, 'replayed_request');
    await stack.sandbox.idle();
    expect(stack.sandbox.calls().total).toBe(callsBefore);
    expect(stack.sandbox.listObjects('tasks')).toHaveLength(1);
    const reverts = stack.sandbox.getObject('deals', bait)!.propertiesWithHistory.dealstage!.filter((h) => h.sourceType === 'INTEGRATION');
    expect(reverts).toHaveLength(1);
  });
});
