import { Client } from '@hubspot/api-client';
import { PortalSchemaGateway } from '../../src/hubspot/portal-schema';
import { loadModel } from '../../src/model';
import { applyPlan, planProvisioning, readPortal, type PortalState, type ProvisioningGateway } from '../../src/provisioning';
import { startSandbox, type Sandbox } from '@throughline/sandbox';

/**
 * `provision apply` interrupted at every write in turn, two ways: HubSpot refuses the write (a 5xx
 * with retries off: nothing was written), or the write lands and the answer is lost (the process
 * dies, the connection drops). Each time a second apply, with nothing failing, must leave the portal
 * exactly as a clean apply does — nothing missing, nothing twice — and a third must make no write.
 */

const model = loadModel('schemas');
let sandbox: Sandbox;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 7 });
  client = new Client({ accessToken: sandbox.accessToken, basePath: sandbox.url, numberOfApiCallRetries: 0 });
});
afterAll(async () => sandbox?.stop());

const WRITES = [
  'createObjectSchema',
  'updateObjectSchema',
  'createObjectAssociation',
  'createGroup',
  'updateGroup',
  'createProperties',
  'updateProperty',
  'createLabel',
] as const;
type Mode = 'refused' | 'lost';

class AnswerLost extends Error {}

/** The real gateway (retries off), with the k-th write made to fail; counts writes either way. */
function interruptingGateway(failAt: number | undefined, mode: Mode): ProvisioningGateway & { writes: string[] } {
  const real = new PortalSchemaGateway(client, { retries: 0, baseMs: 0 });
  const writes: string[] = [];
  const gateway = Object.create(real) as ProvisioningGateway & { writes: string[] };
  gateway.writes = writes;
  for (const name of WRITES) {
    const method = (real[name] as (...args: unknown[]) => Promise<unknown>).bind(real);
    (gateway as unknown as Record<string, unknown>)[name] = async (...args: unknown[]) => {
      writes.push(name);
      if (writes.length !== failAt) return method(...args);
      if (mode === 'refused') {
        sandbox.setFaults({ serverErrorNext: 1, serverErrorStatuses: [503] });
        return method(...args);
      }
      await method(...args);
      throw new AnswerLost(`the answer to write ${failAt} (${name}) was lost`);
    };
  }
  return gateway;
}

async function apply(gateway: ProvisioningGateway) {
  const plan = planProvisioning(model, await readPortal(gateway, model));
  return { plan, summary: await applyPlan(plan, gateway) };
}

/** The portal as names and shapes (ids differ between runs), sorted, duplicates kept so they show. */
function fingerprint(state: PortalState): unknown {
  const props = (p: PortalState['deals']) => ({
    groups: p.groups.map((g) => `${g.name}:${g.label}`).sort(),
    properties: p.properties.map((x) => `${x.name}:${x.type}:${x.fieldType}:${x.groupName}:${(x.options ?? []).map((o) => o.value).join('|')}`).sort(),
  });
  return {
    schemas: state.schemas
      .map((s) => {
        const nameOf = (typeId: string) => state.schemas.find((x) => x.objectTypeId === typeId)?.name ?? typeId;
        const associations = s.associations
          .map((a) => nameOf(a.toObjectTypeId))
          .sort()
          .join(',');
        return `${s.name}:${s.labels.singular}/${s.labels.plural}:${s.primaryDisplayProperty}:${associations}`;
      })
      .sort(),
    deals: props(state.deals),
    objects: Object.fromEntries(
      Object.entries(state.objects)
        .map(([name, p]) => [name, props(p)])
        .sort(),
    ),
    labels: state.labels
      .map(
        (l) =>
          `${l.from}→${l.to}: ${l.labels
            .map((x) => `${x.category}/${x.label ?? '(default)'}`)
            .sort()
            .join(', ')}`,
      )
      .sort(),
  };
}

let cleanWrites: string[] = [];
let clean: unknown;

beforeAll(async () => {
  sandbox.reset();
  const gateway = interruptingGateway(undefined, 'refused');
  await apply(gateway);
  cleanWrites = [...gateway.writes];
  clean = fingerprint(await readPortal(gateway, model));
});

it('a clean apply, for reference: every kind of write, then nothing left to do', async () => {
  process.stdout.write(`a clean apply makes ${cleanWrites.length} writes: ${cleanWrites.join(', ')}\n`);
  expect(cleanWrites.length).toBeGreaterThanOrEqual(8);
  expect(JSON.stringify(clean).length).toBeGreaterThan(2_000);
  expect(new Set(cleanWrites)).toEqual(new Set(['createObjectSchema', 'createGroup', 'createProperties', 'createLabel']));
  const again = interruptingGateway(undefined, 'refused');
  const { plan } = await apply(again);
  expect(plan.summary).toMatchObject({ create: 0, update: 0, conflict: 0, drift: 0 });
  expect(again.writes).toEqual([]);
});

describe.each<{ mode: Mode; how: string }>([
  { mode: 'refused', how: 'HubSpot refuses the write (503, retries off)' },
  { mode: 'lost', how: 'the write lands but its answer is lost' },
])('interrupted — $how', ({ mode }) => {
  it('at every write in turn, a re-run converges with nothing duplicated and a third run writes nothing', async () => {
    for (let k = 1; k <= cleanWrites.length; k++) {
      sandbox.reset();
      const broken = interruptingGateway(k, mode);
      await expect(apply(broken)).rejects.toThrow(mode === 'refused' ? /503|failed with/ : /was lost/);
      expect([k, broken.writes.length]).toEqual([k, k]);

      const rerun = interruptingGateway(undefined, mode);
      const { summary } = await apply(rerun);
      expect([k, summary.conflicts, summary.drift]).toEqual([k, 0, 0]);
      expect([k, rerun.writes.length]).toEqual([k, cleanWrites.length - (mode === 'lost' ? k : k - 1)]);
      expect([k, fingerprint(await readPortal(rerun, model))]).toEqual([k, clean]);

      const third = interruptingGateway(undefined, mode);
      await apply(third);
      expect([k, third.writes]).toEqual([k, []]);
    }
  });
});
