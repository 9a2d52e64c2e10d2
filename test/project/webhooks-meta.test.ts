import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveGateRules } from '../../src/gate/resolve-rules';
import { loadModel } from '../../src/model';
import { SRC_DIR, WEBHOOKS_META } from '../../src/project/hubspot-project';
import { objectTypeIdRef } from '../../src/project/object-type-ids';
import { CONTRACT_TRIGGER_PROPERTIES } from '../../src/project/webhook-subscriptions';
import { renderWebhooksMeta, type WebhooksMeta } from '../../src/project/webhooks-meta';
import { deliveryEventRecords } from '../../src/delivery/deals-for-events';
import { deliverySubscriptions } from '../../src/project/delivery-subscriptions';
import { SourceAvailability } from '../../src/delivery/source-availability';
import { createLogger } from '../../src/logger';
import { contractsToReplan, dealsToGate, deliveryEvents } from '../../src/runtime/route-events';
import type { Runtime } from '../../src/runtime/runtime';
import type { HubSpotEvent } from '../../src/webhooks/events';
import type { CrmGateway } from '../../src/hubspot/crm-gateway';
import { presaleDealsForEvents } from '../../src/presale/presale-events';
import { presaleTriggers } from '../../src/presale/presale-triggers';

const ROOT = join(__dirname, '..', '..');
const FILE = join(ROOT, SRC_DIR, WEBHOOKS_META);
const model = loadModel(join(ROOT, 'schemas'));
const committed = readFileSync(FILE, 'utf8');
const meta = JSON.parse(committed) as WebhooksMeta;
const refOf = (role: string) => objectTypeIdRef(model.objects.find((o) => o.role === role)!.name);
const [contractRef, scopeRef, changeOrderRef] = [refOf('contract'), refOf('scope'), refOf('change_order')];

describe('extensions/app/webhooks/webhooks-hsmeta.json', () => {
  it('is what schemas/ gives (regenerate with npm run project:webhooks)', () => {
    expect(committed).toBe(renderWebhooksMeta(model));
  });

  it('npm run project:webhooks -- --check agrees', () => {
    const run = spawnSync(join(ROOT, 'node_modules/.bin/tsx'), ['scripts/generate-webhooks.ts', '--check'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('sends to the service webhook path on the profile origin, 10 requests at a time', () => {
    expect(meta.config.settings).toEqual({ targetUrl: '${SERVICE_ORIGIN}/webhooks/hubspot', maxConcurrentRequests: 10 });
  });

  it('subscribes to deal stage changes and creations, and to the contract terms renewals re-plan on', () => {
    const subs = meta.config.subscriptions.crmObjects;
    expect(subs).toContainEqual({ subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName: 'dealstage', active: true });
    expect(subs).toContainEqual({ subscriptionType: 'object.creation', objectType: 'deal', active: true });
    // HubSpot names a custom object by its 2-… id: a profile variable the admin sets after provisioning.
    const contract = objectTypeIdRef(model.objects.find((o) => o.role === 'contract')!.name);
    expect(contract).toBe('${SERVICE_CONTRACT_OBJECT_TYPE_ID}');
    expect(subs.filter((s) => s.objectType === contract).map((s) => s.propertyName)).toEqual([...CONTRACT_TRIGGER_PROPERTIES]);
  });

  it('subscribes to what delivery health reads: change orders, the scope’s delivery properties, tickets and invoices', () => {
    const subs = meta.config.subscriptions.crmObjects;
    expect(deliverySubscriptions(model).length).toBeGreaterThan(10);
    expect(subs).toEqual(expect.arrayContaining(deliverySubscriptions(model)));
    expect(subs.filter((s) => s.objectType === changeOrderRef && s.subscriptionType === 'object.creation')).toHaveLength(1);
  });

  it('every subscription reaches a handler of the service (no subscription the service ignores)', async () => {
    const contractTypeId = '2-1002';
    const ids: Record<string, string> = {
      deal: '0-3',
      ticket: '0-5',
      invoice: '0-53',
      [contractRef]: contractTypeId,
      [scopeRef]: '2-1001',
      [changeOrderRef]: '2-1004',
    };
    const rt = {
      rules: resolveGateRules(model),
      pipelines: {
        all: async () => [
          {
            id: 'default',
            label: 'Sales',
            displayOrder: 0,
            stages: [
              { id: 'contractsent', label: 'Contract sent', displayOrder: 0, isClosed: false, probability: 0.9 },
              { id: 'closedwon', label: 'Closed won', displayOrder: 1, isClosed: true, probability: 1 },
            ],
          },
        ],
      },
      portalTypes: async () => ({
        contract: contractTypeId,
        scope: '2-1001',
        roleOf: { '2-1001': 'scope', [contractTypeId]: 'contract', '2-1003': 'customerStatus' },
      }),
    } as unknown as Runtime;
    const availability = new SourceAvailability(createLogger('silent'));
    const delivery = async (events: HubSpotEvent[]) =>
      [
        ...deliveryEventRecords(await deliveryEvents(rt, events), {
          types: { scope: '2-1001', changeOrder: '2-1004' },
          policy: model.deliveryHealth,
          availability,
        }).values(),
      ].flat();
    const scopeTypeId = '2-1001';
    // A scope's event reaches the playbooks through its deal: here the deal has the scope's id.
    const gateway = { associationsOf: async (_from: string, _to: string, ids: string[]) => new Map(ids.map((id) => [id, [{ id }]])) } as unknown as CrmGateway;
    const playbooks = {
      gateway,
      types: { scope: scopeTypeId, contract: contractTypeId },
      triggers: presaleTriggers(model.playbooks),
      playbookStages: new Set(['presentationscheduled']),
    };
    for (const [i, s] of meta.config.subscriptions.crmObjects.entries()) {
      const event = {
        eventId: i,
        subscriptionId: 1,
        portalId: 1,
        appId: 1,
        occurredAt: 0,
        attemptNumber: 0,
        subscriptionType: s.subscriptionType,
        objectId: 500 + i,
        objectTypeId: ids[s.objectType] ?? `unknown:${s.objectType}`,
        ...(s.propertyName ? { propertyName: s.propertyName, propertyValue: s.propertyName === 'dealstage' ? 'closedwon' : 'x' } : {}),
      } as unknown as HubSpotEvent;
      const routed = [
        ...new Set([
          ...(await dealsToGate(rt, [event])),
          ...(await contractsToReplan(rt, [event])),
          ...(await delivery([event])),
          ...(await presaleDealsForEvents([event], playbooks)),
        ]),
      ];
      expect({ subscription: s, routed }).toEqual({ subscription: s, routed: [String(500 + i)] });
    }
  });
});
