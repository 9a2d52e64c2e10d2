import { Queue } from 'bullmq';
import { seedCompany, seedDeal } from '../../scripts/lib/seed';
import { startFaultStack, type FaultStack } from '../faults/harness';
import { closedWonEvents, openGateTasksByDeal, postBatch } from '../faults/replicas';
import { describeWithRedis } from '../helpers/test-redis';
import { waitUntil } from '../helpers/wait-until';

/**
 * A job whose lease is lost while it waits on a slow HubSpot call (a GC pause, a Redis failover,
 * HubSpot slower than the lease): from then on another replica may run the deal, so the job must
 * send no write. Here the test is that other replica: it takes the lease over in Redis while the
 * job's read is in flight, and holds it until the job has given up.
 */
const isWrite = (endpoint: string) => !endpoint.startsWith('GET ') && !/\/(batch\/read|search)$/.test(endpoint);

describeWithRedis('queue mode: writes stop once the lease is lost', (redis) => {
  let stack: FaultStack | undefined;
  afterAll(async () => stack?.close());

  it('sends no write after the loss, retries the job, and decides the deal once', async () => {
    const prefix = `${redis.prefix}:fence`;
    // Leases renewed every 200 ms, so the job learns of the loss while its call is in flight.
    stack = await startFaultStack({
      env: { REDIS_URL: redis.url, QUEUE_COALESCE_MS: '0', QUEUE_BACKOFF_MS: '50' },
      service: { engine: { redisPrefix: prefix, leaseTtlMs: 600 } },
    });
    const sandbox = stack.sandbox;
    const deal = seedDeal(sandbox, { name: 'Fenced', companyId: seedCompany(sandbox, 'Fenced Co') });
    sandbox.updateObject('deals', deal, { dealstage: 'closedwon' });
    const commands = redis.connect();
    const queue = new Queue('webhook-events', { connection: redis.connect(), prefix });
    const leaseKey = `${prefix}:webhook-events:lease:0-3:${deal}`;
    const attemptsMade = async () => (await queue.getJobs(['active', 'delayed', 'waiting'])).find((j) => j.data.key === `0-3:${deal}`)?.attemptsMade ?? 0;

    sandbox.resetCounters();
    sandbox.setFaults({ latencyMs: 1_000 });
    const answer = await postBatch(stack.service.url, stack.config.HUBSPOT_CLIENT_SECRET, closedWonEvents(sandbox, stack.config.HUBSPOT_APP_ID!, [deal]));
    expect([answer.status, answer.body.queued]).toEqual([200, true]);
    await waitUntil(async () => (await commands.exists(leaseKey)) === 1, 'the job holds its lease');
    const lostAt = Date.now();
    await commands.set(leaseKey, 'another-replica|999999999', 'PX', 60_000);

    // On today's code the job goes on reading and then writes: the task, then the deal's revert.
    const stage = () => sandbox.getObject('deals', deal)!.properties.dealstage;
    await waitUntil(async () => (await attemptsMade()) >= 1 || stage() !== 'closedwon', 'the first attempt gives up (or, unfenced, decides)', 30_000);
    const writesAfterLoss = sandbox.callTimeline().filter((c) => c.at >= lostAt && isWrite(c.endpoint));
    expect(writesAfterLoss.map((c) => `${c.endpoint} ${c.path}`)).toEqual([]);
    expect(stage()).toBe('closedwon');

    // The other replica is done with the key: the retry takes it and decides the deal.
    sandbox.clearFaults();
    await commands.del(leaseKey);
    await stack.service.runtime.engine.queue!.whenIdle();
    expect(stage()).toBe('contractsent');
    expect(openGateTasksByDeal(sandbox).get(deal)).toBe(1);
    const dealUpdates = sandbox.callTimeline().filter((c) => isWrite(c.endpoint) && /objects\/(deals|0-3)\//.test(c.path));
    expect(dealUpdates).toHaveLength(1);
    expect((await stack.service.runtime.engine.queue!.status()).failed).toBe(0);
    await queue.close();
  }, 60_000);
});
