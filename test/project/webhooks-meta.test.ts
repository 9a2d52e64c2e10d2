import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveGateRules } from '../../src/gate/resolve-rules';
import { loadModel } from '../../src/model';
import { SRC_DIR, WEBHOOKS_META } from '../../src/project/hubspot-project';
import { objectTypeIdRef } from '../../src/project/object-type-ids';
import { CONTRACT_TRIGGER_PROPERTIES } from '../../src/project/webhook-subscriptions';
import { renderWebhooksMeta, type WebhooksMeta } from '../../src/project/webhooks-meta';
import { contractsToReplan, dealsToGate } from '../../src/runtime/route-events';
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

  it('every subscription reaches a handler of the service (no subscription the service ignores)', async () => {
    const contractTypeId = '2-1002';
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
      portalTypes: async () => ({ contract: contractTypeId }),
    } as unknown as Runtime;
    const contract = objectTypeIdRef(model.objects.find((o) => o.role === 'contract')!.name);
    const scopeTypeId = '2-1001';
    const scope = objectTypeIdRef(model.objects.find((o) => o.role === 'scope')!.name);
    // A scope's event reaches the playbooks through its deal: here the deal has the scope's id.
    const gateway = { associationsOf: async (_from: string, _to: string, ids: string[]) => new Map(ids.map((id) => [id, [{ id }]])) } as unknown as CrmGateway;
    const playbooks = { gateway, types: { scope: scopeTypeId, contract: contractTypeId }, triggers: presaleTriggers(model.playbooks), playbookStages: new Set(['presentationscheduled']) };
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
        objectTypeId: s.objectType === 'deal' ? '0-3' : s.objectType === contract ? contractTypeId : s.objectType === scope ? scopeTypeId : `unknown:${s.objectType}`,
        ...(s.propertyName ? { propertyName: s.propertyName, propertyValue: s.propertyName === 'dealstage' ? 'closedwon' : 'x' } : {}),
      } as unknown as HubSpotEvent;
      const routed = [...new Set([...(await dealsToGate(rt, [event])), ...(await contractsToReplan(rt, [event])), ...(await presaleDealsForEvents([event], playbooks))])];
      expect({ subscription: s, routed }).toEqual({ subscription: s, routed: [String(500 + i)] });
    }
  });
});
