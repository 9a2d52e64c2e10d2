import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope } from '../../scripts/lib/seed';
import { callOutcome, createMetrics, operationLabel, webhookOutcome } from '../../src/metrics';
import { scheduledJobs } from '../../src/service';
import { hubspotEvent } from '../helpers/sign';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { send, signedFor, WEBHOOK } from '../faults/post';
import { parsePrometheus, sample } from './prometheus';

let stack: FaultStack;
beforeAll(async () => {
  stack = await startFaultStack();
});
afterAll(async () => stack?.close());

async function scrape(): Promise<{ status: number; type: string | undefined; samples: Map<string, number>; text: string }> {
  const reply = await send(stack.service.url, '/metrics', { method: 'GET' });
  return { status: reply.status, type: reply.headers['content-type'], samples: parsePrometheus(reply.text), text: reply.text };
}

describe('GET /metrics', () => {
  it('counts webhook batches and events by outcome, gate decisions, HubSpot calls and 429s, scan durations', async () => {
    const { sandbox, names, service } = stack;
    const companyA = seedCompany(sandbox, 'Metrics Ready');
    const ready = seedDeal(sandbox, { name: 'Metrics ready', companyId: companyA, props: HANDOFF_COMPLETE });
    seedScope(sandbox, names, ready, companyA, APPROVED_SCOPE);
    seedContract(sandbox, names, ready, companyA, COMPLETE_CONTRACT);
    const incomplete = seedDeal(sandbox, { name: 'Metrics incomplete', companyId: seedCompany(sandbox, 'Metrics Incomplete') });

    // Two genuine deliveries from the stand-in, the first answered by two 429s before it goes through.
    sandbox.setFaults({ rateLimitNext: 2 });
    for (const id of [ready, incomplete]) sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep), emitWebhooks: true });
    await sandbox.idle();
    // A forged request, and a signed one whose events are all skipped.
    const forged = JSON.stringify([hubspotEvent()]);
    await send(service.url, WEBHOOK, { body: forged, headers: { ...signedFor(service.url, forged, 'nope-nope'), 'X-HubSpot-Signature-v3': 'forged' } });
    const skipped = JSON.stringify([
      hubspotEvent({ subscriptionType: 'object.teleported' }),
      hubspotEvent({ propertyValue: 5 }),
      hubspotEvent({ changeSource: 'INTEGRATION', sourceId: stack.config.HUBSPOT_APP_ID }),
    ]);
    await send(service.url, WEBHOOK, { body: skipped, headers: signedFor(service.url, skipped, stack.config.HUBSPOT_CLIENT_SECRET) });
    await send(service.url, WEBHOOK, { body: 'not json', headers: signedFor(service.url, 'not json', stack.config.HUBSPOT_CLIENT_SECRET) });
    // The scheduled jobs, once each.
    for (const job of scheduledJobs(service.runtime, service.metrics)) await job.run();

    const { status, type, samples, text } = await scrape();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    const at = (name: string, labels: Record<string, string> = {}) => sample(samples, `throughline_${name}`, labels);

    // The stand-in delivered the user's moves (processed) and, later, our own writes (own_write).
    expect(at('webhook_batches_total', { outcome: 'ok' })).toBeGreaterThanOrEqual(3);
    expect(at('webhook_batches_total', { outcome: 'invalid_signature' })).toBe(1);
    expect(at('webhook_batches_total', { outcome: 'malformed_json' })).toBe(1);
    expect(at('webhook_events_total', { outcome: 'processed' })).toBe(2);
    expect(at('webhook_events_total', { outcome: 'own_write' })).toBeGreaterThanOrEqual(1);
    expect(at('webhook_events_total', { outcome: 'unknown_type' })).toBe(1);
    expect(at('webhook_events_total', { outcome: 'invalid' })).toBe(1);
    expect(at('webhook_request_duration_seconds_count', { outcome: 'ok' })).toBe(at('webhook_batches_total', { outcome: 'ok' }));

    expect(at('gate_decisions_total', { action: 'block', status: 'blocked' })).toBe(1);
    expect(at('gate_decisions_total', { action: 'pass', status: 'passed' })).toBe(1);

    expect(at('hubspot_rate_limited_total')).toBe(2);
    const rateLimited = [...samples].filter(([k]) => k.startsWith('throughline_hubspot_calls_total') && k.includes('outcome="rate_limited"'));
    expect(rateLimited.reduce((n, [, v]) => n + v, 0)).toBe(2);
    expect(at('hubspot_calls_total', { operation: 'batch read deals', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(at('hubspot_calls_total', { operation: 'batch update deals', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    // Operation labels never carry record ids.
    for (const key of samples.keys()) if (key.startsWith('throughline_hubspot_calls_total')) expect(key).not.toMatch(/operation="[^"]* \d+"/);

    expect(at('sweep_duration_seconds_count')).toBe(1);
    expect(at('renewal_scan_duration_seconds_count')).toBe(1);
    expect(at('scheduled_job_duration_seconds_count', { job: 'sweep', outcome: 'ok' })).toBe(1);
    expect(at('scheduled_job_duration_seconds_count', { job: 'delivery', outcome: 'ok' })).toBe(1);
    expect(at('scheduled_job_last_success_timestamp_seconds', { job: 'renewals' })).toBeGreaterThan(Date.now() / 1000 - 60);

    // Node process metrics, under the same prefix.
    expect(at('process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(text).toContain('throughline_nodejs_eventloop_lag_seconds');
    expect(text).toContain('# HELP throughline_gate_decisions_total');
  });

  it('a failing scheduled job is counted as an error and leaves its last success alone', async () => {
    const metrics = createMetrics({ defaultMetrics: false });
    const rt = stack.service.runtime;
    const jobs = scheduledJobs({ ...rt, sweep: () => Promise.reject(new Error('HubSpot is down')) }, metrics);
    await expect(jobs.find((j) => j.name === 'sweep')!.run()).rejects.toThrow('HubSpot is down');
    const samples = parsePrometheus(await metrics.registry.metrics());
    expect(sample(samples, 'throughline_scheduled_job_duration_seconds_count', { job: 'sweep', outcome: 'error' })).toBe(1);
    expect(sample(samples, 'throughline_scheduled_job_last_success_timestamp_seconds', { job: 'sweep' })).toBeUndefined();
    expect(sample(samples, 'throughline_sweep_duration_seconds_count')).toBe(0);
  });

  it('each service has its own registry: two in one process, both counting, no clash', async () => {
    const before = sample((await scrape()).samples, 'throughline_webhook_batches_total', { outcome: 'ok' });
    const second = await stack.restartService();
    expect(second.metrics).not.toBe(undefined);
    const after = await scrape();
    expect(after.status).toBe(200);
    expect(sample(after.samples, 'throughline_webhook_batches_total', { outcome: 'ok' })).toBeUndefined();
    expect(before).toBeGreaterThan(0);
  });
});

describe('label values stay bounded', () => {
  it('drops record ids from operation names', () => {
    expect(operationLabel('read deals 123456')).toBe('read deals');
    expect(operationLabel('update tasks 42')).toBe('update tasks');
    expect(operationLabel('batch read associations deals→2-3500001')).toBe('batch read associations deals→2-3500001');
    expect(operationLabel('search 2-3500003')).toBe('search 2-3500003');
  });

  it('names HubSpot call outcomes so that a bad token stands apart from a missing record', () => {
    expect([200, 429, 500, 503, 0, 401, 403, 404, 400, 409].map((status) => callOutcome(status === 200 ? 'ok' : 'error', status))).toEqual([
      'ok',
      'rate_limited',
      'server_error',
      'server_error',
      'unreachable',
      'refused',
      'refused',
      'not_found',
      'client_error',
      'client_error',
    ]);
  });

  it('names webhook outcomes by the answer', () => {
    expect(webhookOutcome(200, { processed: 1 })).toBe('ok');
    expect(webhookOutcome(200, { processed: 1, deferred: true })).toBe('deferred');
    expect(webhookOutcome(401, { error: 'invalid_signature' })).toBe('invalid_signature');
    expect(webhookOutcome(413, { error: 'payload_too_large' })).toBe('payload_too_large');
    expect(webhookOutcome(502, undefined)).toBe('http_502');
    expect(webhookOutcome(400, { error: 'x'.repeat(200) })).toBe('http_400');
  });
});
