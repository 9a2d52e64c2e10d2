import http from 'node:http';
import express from 'express';
import { HubSpotError } from '../../src/hubspot/errors';
import { createApp, type CreateAppOptions, type ReadinessReport } from '../../src/http/app';
import { startHttpServer, type StartedServer } from '../../src/http/listen';
import { rawBodyOf } from '../../src/http/signed-requests';
import { createLogger } from '../../src/logger';
import type { HubSpotEvent } from '../../src/webhooks/events';
import type { OnWebhookBatch, WebhookBatchMeta } from '../../src/webhooks/receiver';
import { hubspotEvent, signV3, TEST_CLIENT_SECRET } from '../helpers/sign';

const PUBLIC = 'https://throughline.example.com';
const APP_ID = '1234567';
const PATH = '/webhooks/hubspot';
const MIN = 60_000;

let now = Date.now();
const logLines: Array<Record<string, unknown>> = [];
// Passing the secret also masks it in messages (and works around createLogger without secrets failing).
const logger = createLogger('debug', { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) }, [TEST_CLIENT_SECRET]);

const batches: Array<{ events: HubSpotEvent[]; meta: WebhookBatchMeta }> = [];
let onBatch: OnWebhookBatch = () => undefined;
const recordingOnBatch: OnWebhookBatch = (events, meta) => {
  batches.push({ events, meta });
  return onBatch(events, meta);
};

let readiness: () => Promise<ReadinessReport> = async () => ({ ok: true, checks: { hubspot: 'ok' } });

const cards = express.Router();
cards.get('/deals/:id', (req, res) => {
  res.json({ dealId: req.params.id, body: req.body === undefined ? null : 'present' });
});
cards.post('/deals/:id/recheck', (req, res) => {
  res.json({ dealId: req.params.id, received: req.body as unknown, raw: rawBodyOf(req)?.toString('utf8') });
});
cards.get('/hubspot-refused', () => {
  throw new HubSpotError(403, 'HubSpot refused (403) because of missing scope crm.objects.deals.read', undefined, {}, 'read deal');
});
cards.get('/not-found', () => {
  throw new HubSpotError(404, 'HubSpot found nothing for read deal (404).', undefined, {}, 'read deal');
});
cards.get('/boom', () => {
  throw new Error('secret internals at /srv/throughline/src/x.ts:12');
});

function appOptions(overrides: Partial<CreateAppOptions> = {}): CreateAppOptions {
  return {
    clientSecret: TEST_CLIENT_SECRET,
    appId: APP_ID,
    logger,
    onWebhookBatch: recordingOnBatch,
    now: () => now,
    ...overrides,
  };
}

let main: StartedServer;
let proxied: StartedServer;
let slow: StartedServer;

beforeAll(async () => {
  main = await startHttpServer(createApp(appOptions({ publicBaseUrl: PUBLIC, cardsRouter: cards, readiness: () => readiness(), readinessTimeoutMs: 300 })), {
    port: 0,
    host: '127.0.0.1',
    logger,
  });
  proxied = await startHttpServer(createApp(appOptions()), { port: 0, host: '127.0.0.1', logger });
  slow = await startHttpServer(createApp(appOptions({ publicBaseUrl: PUBLIC, webhooks: { answerWithinMs: 200, maxInFlight: 2 } })), {
    port: 0,
    host: '127.0.0.1',
    logger,
  });
});

afterAll(async () => {
  await Promise.all([main.close(), proxied.close(), slow.close()]);
});

beforeEach(() => {
  now = Date.now();
  batches.length = 0;
  logLines.length = 0;
  onBatch = () => undefined;
});

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: unknown;
}

function send(
  server: StartedServer,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const { body } = options;
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path, method: options.method ?? 'POST', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

function signed(body: string, options: { url?: string; timestamp?: number; secret?: string; method?: string } = {}): Record<string, string> {
  return signV3({ method: options.method ?? 'POST', url: options.url ?? PUBLIC + PATH, body, secret: options.secret, timestamp: options.timestamp ?? now });
}

function postWebhook(server: StartedServer, body: string, headers: Record<string, string> = signed(body), path = PATH): Promise<Reply> {
  return send(server, path, { body, headers });
}

const ownWrite = (eventId: number) => hubspotEvent({ eventId, changeSource: 'INTEGRATION', sourceId: APP_ID });
const batchOf = (...events: Array<Record<string, unknown>>) => JSON.stringify(events);

describe('POST /webhooks/hubspot — accepted batches', () => {
  it('answers 200 with counts and hands onBatch the events minus own writes', async () => {
    const body = batchOf(
      hubspotEvent({ eventId: 1 }),
      ownWrite(2),
      hubspotEvent({ eventId: 3, subscriptionType: 'deal.propertyChange', objectTypeId: undefined }),
    );
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ received: 3, processed: 2, skipped: { ownWrite: 1, unknownType: 0, invalid: 0 } });
    expect(batches).toHaveLength(1);
    expect(batches[0]!.events.map((e) => [e.eventId, e.subscriptionType, e.objectTypeId])).toEqual([
      [1, 'object.propertyChange', '0-3'],
      [3, 'object.propertyChange', '0-3'],
    ]);
    expect(batches[0]!.meta).toMatchObject({ received: 3, skipped: { ownWrite: 1 }, requestId: reply.headers['x-request-id'] });
    expect(batches[0]!.meta.ownWrites.map((e) => e.eventId)).toEqual([2]);
  });

  it('does not call onBatch when only own writes remain', async () => {
    const reply = await postWebhook(main, batchOf(ownWrite(1), ownWrite(2)));
    expect(reply.status).toBe(200);
    expect(reply.json).toMatchObject({ received: 2, processed: 0, skipped: { ownWrite: 2 } });
    expect(batches).toHaveLength(0);
  });

  it('answers a full batch of 100 well within HubSpot’s timeout', async () => {
    const body = batchOf(...Array.from({ length: 100 }, (_, i) => hubspotEvent({ eventId: i, objectId: 1000 + i })));
    const started = Date.now();
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(batches[0]!.events).toHaveLength(100);
  });

  it('passes duplicates and out-of-order events through as they came', async () => {
    const body = batchOf(
      hubspotEvent({ eventId: 5, occurredAt: 2_000 }),
      hubspotEvent({ eventId: 5, occurredAt: 2_000 }),
      hubspotEvent({ eventId: 4, occurredAt: 1_000 }),
    );
    expect((await postWebhook(main, body)).status).toBe(200);
    expect(batches[0]!.events.map((e) => e.eventId)).toEqual([5, 5, 4]);
  });

  it('skips and counts unknown types and wrongly typed values, keeping the rest', async () => {
    const body = batchOf(
      hubspotEvent({ eventId: 1 }),
      hubspotEvent({ eventId: 2, subscriptionType: 'contact.privacyDeletion' }),
      hubspotEvent({ eventId: 3, propertyValue: 12345 }),
      hubspotEvent({ eventId: 4, propertyValue: ['closedwon'] }),
      hubspotEvent({ eventId: 5, objectId: { $gt: 0 } }),
    );
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ received: 5, processed: 1, skipped: { ownWrite: 0, unknownType: 1, invalid: 3 } });
    expect(batches[0]!.events.map((e) => e.eventId)).toEqual([1]);
    expect(logLines.some((l) => l.msg === 'skipped webhook events that do not match the event schema' && l.count === 3)).toBe(true);
  });

  it('answers 200 without calling onBatch when every event is unknown or invalid', async () => {
    const reply = await postWebhook(main, batchOf(hubspotEvent({ subscriptionType: 'object.fooBar' }), hubspotEvent({ propertyValue: false })));
    expect(reply.json).toMatchObject({ processed: 0, skipped: { unknownType: 1, invalid: 1 } });
    expect(batches).toHaveLength(0);
  });

  it('verifies a URL whose query carries encoded characters', async () => {
    const path = `${PATH}?source=a%3Ab%2Fc&note=x%20y%27z`;
    const body = batchOf(hubspotEvent());
    const reply = await postWebhook(main, body, signed(body, { url: PUBLIC + path }), path);
    expect(reply.status).toBe(200);
  });
});

describe('POST /webhooks/hubspot — refused requests (nothing processed)', () => {
  const body = batchOf(hubspotEvent());

  async function expect401(reply: Reply, reason: string): Promise<void> {
    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ error: 'invalid_signature', reason });
    expect(batches).toHaveLength(0);
    expect(logLines.some((l) => l.level === 40 && l.reason === reason && l.status === 401)).toBe(true);
  }

  it('forged signature', async () => {
    await expect401(await postWebhook(main, body, { ...signed(body), 'X-HubSpot-Signature-v3': Buffer.alloc(32, 7).toString('base64') }), 'bad_signature');
  });

  it('tampered body', async () => {
    const headers = signed(body);
    await expect401(await postWebhook(main, body.replace('closedwon', 'closedlost'), headers), 'bad_signature');
  });

  it('wrong secret', async () => {
    await expect401(await postWebhook(main, body, signed(body, { secret: 'someone-elses-secret' })), 'bad_signature');
  });

  it('signed for another host (PUBLIC_BASE_URL wins over X-Forwarded-Host)', async () => {
    const headers = { ...signed(body, { url: `https://evil.example${PATH}` }), 'X-Forwarded-Host': 'evil.example', 'X-Forwarded-Proto': 'https' };
    await expect401(await postWebhook(main, body, headers), 'bad_signature');
  });

  it('stale timestamp (6 minutes old)', async () => {
    await expect401(await postWebhook(main, body, signed(body, { timestamp: now - 6 * MIN })), 'stale_timestamp');
  });

  it('future timestamp (6 minutes ahead)', async () => {
    await expect401(await postWebhook(main, body, signed(body, { timestamp: now + 6 * MIN })), 'future_timestamp');
  });

  it('replayed after 6 minutes', async () => {
    const headers = signed(body);
    expect((await postWebhook(main, body, headers)).status).toBe(200);
    batches.length = 0;
    now += 6 * MIN;
    await expect401(await postWebhook(main, body, headers), 'stale_timestamp');
  });

  it('missing signature or timestamp header', async () => {
    const { 'X-HubSpot-Request-Timestamp': timestamp, 'X-HubSpot-Signature-v3': signature } = signed(body);
    await expect401(await postWebhook(main, body, { 'X-HubSpot-Request-Timestamp': timestamp! }), 'missing_signature');
    await expect401(await postWebhook(main, body, { 'X-HubSpot-Signature-v3': signature! }), 'missing_timestamp');
    await expect401(await postWebhook(main, body, {}), 'missing_signature');
  });

  it('never logs the signature or the secret', async () => {
    await postWebhook(main, body, signed(body, { secret: 'someone-elses-secret' }));
    const text = JSON.stringify(logLines);
    expect(text).not.toContain(TEST_CLIENT_SECRET);
    expect(text).not.toContain(signed(body)['X-HubSpot-Signature-v3']);
  });
});

describe('POST /webhooks/hubspot — malformed and oversized bodies', () => {
  it('non-JSON → 400', async () => {
    const reply = await postWebhook(main, 'this is not json');
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'malformed_json' });
    expect(batches).toHaveLength(0);
  });

  it('invalid UTF-8 → 400', async () => {
    const bytes = Buffer.concat([Buffer.from('[{"propertyValue":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}]')]);
    const reply = await send(main, PATH, { body: bytes, headers: signV3({ url: PUBLIC + PATH, body: bytes, timestamp: now }) });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'malformed_json' });
  });

  it('empty body → 400', async () => {
    const reply = await postWebhook(main, '');
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'malformed_json' });
  });

  it('a JSON object instead of an array → 400', async () => {
    const reply = await postWebhook(main, JSON.stringify({ events: [hubspotEvent()] }));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'not_an_array' });
    expect(batches).toHaveLength(0);
  });

  it('an array of non-objects → 400', async () => {
    const reply = await postWebhook(main, JSON.stringify([hubspotEvent(), 42]));
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'invalid_batch' });
    expect(batches).toHaveLength(0);
  });

  it('a 2 MB body → 413, signed or not, before anything is verified', async () => {
    const big = `[${'"x",'.repeat(500_000)}"x"]`;
    expect(Buffer.byteLength(big)).toBeGreaterThan(2_000_000);
    for (const headers of [signed(big), {}]) {
      const reply = await postWebhook(main, big, headers);
      expect(reply.status).toBe(413);
      expect(reply.json).toMatchObject({ error: 'payload_too_large', limit: 1_000_000 });
    }
    expect(batches).toHaveLength(0);
  });

  it('10,000 HubSpot-sized events → 413 (the body exceeds 1 MB)', async () => {
    const body = batchOf(...Array.from({ length: 10_000 }, (_, i) => hubspotEvent({ eventId: i })));
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(413);
    expect(reply.json).toMatchObject({ error: 'payload_too_large' });
    expect(batches).toHaveLength(0);
  });

  it('10,000 tiny items under 1 MB → 413 too_many_events (limit 1,000 per body)', async () => {
    const body = JSON.stringify(new Array(10_000).fill({}));
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(413);
    expect(reply.json).toMatchObject({ error: 'too_many_events', max: 1_000 });
    expect(batches).toHaveLength(0);
  });

  it('deeply nested JSON → 400 invalid_batch, never a crash', async () => {
    const body = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'invalid_batch' });
    expect(batches).toHaveLength(0);
  });

  it('GET on the webhook path → 404 JSON', async () => {
    const reply = await send(main, PATH, { method: 'GET' });
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ error: 'not_found', message: 'No such route.' });
  });
});

describe('POST /webhooks/hubspot — failures and load', () => {
  const body = batchOf(hubspotEvent());

  it('onBatch throwing → 500 so HubSpot retries, without leaking the error', async () => {
    onBatch = () => {
      throw new Error('gate exploded at /srv/secret/path.ts');
    };
    const reply = await postWebhook(main, body);
    expect(reply.status).toBe(500);
    expect(reply.json).toMatchObject({ error: 'batch_failed' });
    expect(reply.text).not.toContain('exploded');
    expect(logLines.some((l) => l.level === 50 && JSON.stringify(l).includes('gate exploded'))).toBe(true);
  });

  it('onBatch rejecting → 500', async () => {
    onBatch = async () => Promise.reject(new Error('HubSpot down'));
    expect((await postWebhook(main, body)).status).toBe(500);
  });

  it('answers 200 deferred at the deadline, and 503 beyond the in-flight limit', async () => {
    let finish!: () => void;
    const running = new Promise<void>((resolve) => (finish = resolve));
    onBatch = () => running;

    const [first, second] = await Promise.all([postWebhook(slow, body), postWebhook(slow, body)]);
    expect(first.status).toBe(200);
    expect(first.json).toMatchObject({ processed: 1, deferred: true });
    expect(second.json).toMatchObject({ deferred: true });

    const third = await postWebhook(slow, body);
    expect(third.status).toBe(503);
    expect(third.json).toMatchObject({ error: 'busy' });
    expect(third.headers['retry-after']).toBe('5');

    finish();
    await running;
    await new Promise((resolve) => setImmediate(resolve));
    onBatch = () => undefined;
    const fourth = await postWebhook(slow, body);
    expect(fourth.status).toBe(200);
    expect(fourth.json).not.toHaveProperty('deferred');
  });

  it('logs a deferred batch that fails later', async () => {
    let fail!: (err: Error) => void;
    const running = new Promise<void>((_resolve, reject) => (fail = reject));
    onBatch = () => running;
    expect((await postWebhook(slow, body)).json).toMatchObject({ deferred: true });
    fail(new Error('late failure'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(logLines.some((l) => l.msg === 'deferred webhook batch failed; the sweep will pick its deals up')).toBe(true);
  });
});

describe('behind a proxy (no PUBLIC_BASE_URL)', () => {
  const body = batchOf(hubspotEvent());

  it('rebuilds the URI from X-Forwarded-Proto / X-Forwarded-Host (first values)', async () => {
    const headers = {
      ...signed(body, { url: `https://hooks.example.com${PATH}` }),
      'X-Forwarded-Proto': 'https, http',
      'X-Forwarded-Host': 'hooks.example.com, internal:8080',
    };
    const reply = await postWebhook(proxied, body, headers);
    expect(reply.status).toBe(200);
    expect(batches).toHaveLength(1);
  });

  it('falls back to the Host header and the socket scheme', async () => {
    const reply = await postWebhook(proxied, body, signed(body, { url: `http://127.0.0.1:${proxied.port}${PATH}` }));
    expect(reply.status).toBe(200);
  });

  it('refuses when the forwarded scheme differs from what HubSpot signed', async () => {
    const headers = { ...signed(body, { url: `https://hooks.example.com${PATH}` }), 'X-Forwarded-Proto': 'http', 'X-Forwarded-Host': 'hooks.example.com' };
    expect((await postWebhook(proxied, body, headers)).status).toBe(401);
  });
});

describe('cards API (/api/cards, signed hubspot.fetch requests)', () => {
  const get = (path: string, headers: Record<string, string> = {}) => send(main, path, { method: 'GET', headers });
  const signedGet = (path: string, timestamp = now) => signV3({ method: 'GET', url: PUBLIC + path, timestamp });

  it('unsigned → 401', async () => {
    const reply = await get('/api/cards/deals/42');
    expect(reply.status).toBe(401);
    expect(reply.json).toMatchObject({ error: 'invalid_signature', reason: 'missing_signature' });
  });

  it('signed GET → passes through to the cards router', async () => {
    const path = '/api/cards/deals/42?portalId=62515&userEmail=rep%40example.com';
    const reply = await get(path, signedGet(path));
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ dealId: '42', body: null });
  });

  it('a stale or re-pointed GET → 401', async () => {
    const path = '/api/cards/deals/42';
    expect((await get(path, signedGet(path, now - 6 * MIN))).json).toMatchObject({ reason: 'stale_timestamp' });
    expect((await get('/api/cards/deals/43', signedGet(path))).json).toMatchObject({ reason: 'bad_signature' });
  });

  it('signed POST with a JSON body → parsed body and raw bytes available', async () => {
    const path = '/api/cards/deals/42/recheck';
    const body = JSON.stringify({ reason: 'rep asked', note: 'Zürich' });
    const reply = await send(main, path, { body, headers: signV3({ method: 'POST', url: PUBLIC + path, body, timestamp: now }) });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ dealId: '42', received: { reason: 'rep asked', note: 'Zürich' }, raw: body });
  });

  it('tampered POST → 401; signed but malformed JSON → 400', async () => {
    const path = '/api/cards/deals/42/recheck';
    const body = '{"reason":"x"}';
    const headers = signV3({ method: 'POST', url: PUBLIC + path, body, timestamp: now });
    expect((await send(main, path, { body: '{"reason":"y"}', headers })).status).toBe(401);
    const broken = '{"reason":';
    const reply = await send(main, path, { body: broken, headers: signV3({ method: 'POST', url: PUBLIC + path, body: broken, timestamp: now }) });
    expect(reply.status).toBe(400);
    expect(reply.json).toMatchObject({ error: 'malformed_json' });
  });

  it('maps HubSpot errors and hides internal ones', async () => {
    const refused = await get('/api/cards/hubspot-refused', signedGet('/api/cards/hubspot-refused'));
    expect(refused.status).toBe(502);
    expect(refused.json).toMatchObject({ error: 'hubspot_refused' });
    expect(refused.text).not.toContain('crm.objects.deals.read');

    const missing = await get('/api/cards/not-found', signedGet('/api/cards/not-found'));
    expect(missing.status).toBe(404);

    const boom = await get('/api/cards/boom', signedGet('/api/cards/boom'));
    expect(boom.status).toBe(500);
    expect(boom.json).toMatchObject({ error: 'internal_error' });
    expect(boom.text).not.toMatch(/secret internals|\.ts:|at /);
  });
});

describe('health and readiness', () => {
  it('GET /healthz → 200 without x-powered-by', async () => {
    const reply = await send(main, '/healthz', { method: 'GET' });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ status: 'ok' });
    expect(reply.headers['x-powered-by']).toBeUndefined();
  });

  it('GET /readyz → 200 when ready, 503 with what failed otherwise', async () => {
    expect(await send(main, '/readyz', { method: 'GET' })).toMatchObject({ status: 200, json: { status: 'ready', checks: { hubspot: 'ok' } } });

    readiness = async () => ({ ok: false, checks: { hubspot: 'token rejected (401)' } });
    expect(await send(main, '/readyz', { method: 'GET' })).toMatchObject({
      status: 503,
      json: { status: 'not_ready', checks: { hubspot: 'token rejected (401)' } },
    });

    readiness = async () => Promise.reject(new Error('schemas missing'));
    expect(await send(main, '/readyz', { method: 'GET' })).toMatchObject({ status: 503, json: { checks: { readiness: 'schemas missing' } } });

    readiness = () => new Promise(() => undefined);
    expect(await send(main, '/readyz', { method: 'GET' })).toMatchObject({
      status: 503,
      json: { checks: { readiness: expect.stringContaining('no answer') } },
    });

    readiness = async () => ({ ok: true, checks: {} });
    expect(await send(main, '/readyz', { method: 'GET' })).toMatchObject({ status: 200 });
  });

  it('the servers are still up after everything above', async () => {
    for (const server of [main, proxied, slow]) {
      expect((await send(server, '/healthz', { method: 'GET' })).status).toBe(200);
    }
  });
});
