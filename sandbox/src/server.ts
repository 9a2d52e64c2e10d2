import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Sandbox } from './api';
import { buildApp } from './app';
import { SandboxClock } from './clock';
import { CallCounters } from './counters';
import { FaultState } from './faults';
import { resolveOptions, type SandboxOptions } from './options';
import { Prng } from './prng';
import { Seeder } from './seeding';
import { DEALS } from './store/object-types';
import { SandboxStore } from './store/store';
import { WebhookService } from './webhooks/service';

/** Start a local, stateful, in-memory HubSpot stand-in. Resolves once it is listening. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const o = resolveOptions(options);
  const clock = new SandboxClock();
  if (o.now !== undefined) clock.set(o.now);
  const store = new SandboxStore(
    o.portalId,
    { pageSize: o.associationPageSize, customObjectCategory: o.customObjectAssociationCategory },
    { projects: o.projects },
  );
  store.records.searchIndex.delayMs = o.searchIndexDelayMs;
  const counters = new CallCounters();
  const faults = new FaultState(o.faults, new Prng(o.seed), new Prng(o.seed + 1));
  const webhooks = new WebhookService(
    {
      portalId: o.portalId,
      appId: o.appId,
      ...(o.webhookTargetUrl !== undefined ? { targetUrl: o.webhookTargetUrl } : {}),
      subscriptions: o.subscriptions,
      variables: o.variables,
      clientSecret: () => o.clientSecret,
      retrySchedule: o.retrySchedule,
      maxAttempts: o.maxAttempts,
      timeoutMs: o.timeoutMs,
      batchDelayMs: o.batchDelayMs,
      maxConcurrent: o.maxConcurrent,
    },
    store,
    faults,
  );
  const seeder = new Seeder(store, clock, o.appId);

  let url = '';
  let port = 0;
  const sandbox: Sandbox = {
    get url() {
      return url;
    },
    get port() {
      return port;
    },
    accessToken: o.accessToken,
    clientSecret: o.clientSecret,
    appId: o.appId,
    portalId: o.portalId,
    store,
    stop: () => stop(),
    reset: () => {
      webhooks.reset();
      store.reset();
      counters.reset();
      faults.reset();
      clock.set(o.now ?? null);
    },
    calls: () => counters.snapshot(),
    callTimeline: () => counters.timeline(),
    resetCounters: () => counters.reset(),
    setFaults: (f) => faults.set(f),
    clearFaults: () => faults.clear(),
    faults: () => faults.get(),
    setNow: (at) => clock.set(at),
    advanceClock: (ms) => clock.advance(ms),
    now: () => clock.now(),
    setWebhookTarget: (target) => webhooks.setTarget(target ?? undefined),
    webhookTarget: () => webhooks.targetUrl(),
    setSubscriptions: (subs) => webhooks.setSubscriptions(subs),
    webhookSubscriptions: () => webhooks.subscriptions(),
    flushWebhooks: () => webhooks.flush(),
    idle: async () => {
      await webhooks.idle();
      await store.records.searchIndex.settled();
    },
    searchIndexed: () => store.records.searchIndex.settled(),
    setSearchIndexDelay: (ms) => {
      store.records.searchIndex.delayMs = ms;
    },
    deliveries: () => webhooks.deliveries(),
    droppedWebhooks: () => webhooks.dropped(),
    seedOwners: (owners) =>
      store.owners.seed(owners, clock.now()).map(({ id, email, firstName, lastName, userId }) => ({ id, email, firstName, lastName, userId })),
    seedPipeline: (p) => {
      const now = clock.now();
      store.pipelines.put({
        ...p,
        objectTypeId: DEALS,
        archived: false,
        createdAt: now,
        updatedAt: now,
        stages: p.stages.map((s) => ({ ...s, archived: false, createdAt: now, updatedAt: now })),
      });
    },
    createObject: (type, props, opts) => seeder.create(type, props, opts),
    updateObject: (type, id, props, opts) => seeder.update(type, id, props, opts),
    archiveObject: (type, id, opts) => seeder.archive(type, id, opts),
    getObject: (type, id) => seeder.get(type, id),
    listObjects: (type) => seeder.list(type),
    associate: (from, fromId, to, toId, typeId) => seeder.associate(from, fromId, to, toId, typeId),
    createSchema: (body) => {
      const schema = store.schemas.create(body, clock.now());
      return { objectTypeId: schema.objectTypeId, fullyQualifiedName: schema.fullyQualifiedName, name: schema.name };
    },
  };

  const app = buildApp({ ctx: { store, clock }, counters, faults, accessToken: () => o.accessToken, appId: o.appId, sandbox });
  const server: Server = createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  url = `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}`;

  let stopping: Promise<void> | undefined;
  function stop(): Promise<void> {
    stopping ??= new Promise<void>((resolve) => {
      webhooks.stop();
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return stopping;
  }

  return sandbox;
}
