import type { CrmGateway } from '../../../src/hubspot/crm-gateway';
import { presaleDealsForEvents } from '../../../src/presale/presale-events';
import { presaleTriggers } from '../../../src/presale/presale-triggers';
import type { HubSpotEvent } from '../../../src/webhooks/events';
import { model } from './fixtures';

const reads: Array<[string, string[]]> = [];
const gateway = {
  associationsOf: async (from: string, _to: string, ids: string[]) => {
    reads.push([from, ids]);
    return new Map(ids.map((id) => [id, [{ id: `9${id}` }]]));
  },
} as unknown as CrmGateway;
const deps = {
  gateway,
  types: { scope: '2-1', contract: '2-2' },
  triggers: presaleTriggers(model.playbooks),
  playbookStages: new Set(['qualifiedtobuy', 'presentationscheduled']),
};
const change = (objectTypeId: string, objectId: number, propertyName: string, propertyValue = 'x') =>
  ({ subscriptionType: 'object.propertyChange', objectTypeId, objectId, propertyName, propertyValue }) as unknown as HubSpotEvent;

beforeEach(() => reads.splice(0));

describe('presaleDealsForEvents', () => {
  it('stage changes into playbook stages, deliverable properties, scope changes through one association read', async () => {
    const events = [
      change('0-3', 1, 'dealstage', 'presentationscheduled'),
      change('0-3', 2, 'dealstage', 'closedwon'),
      change('0-3', 3, 'handoff_business_problem'),
      change('0-3', 4, 'amount'),
      change('2-1', 10, 'feasibility_review_status'),
      change('2-1', 11, 'proposal_timeline_weeks'),
      change('2-1', 12, 'hours_logged'),
      change('2-2', 20, 'renewal_date'),
    ];
    expect((await presaleDealsForEvents(events, deps)).sort()).toEqual(['1', '3', '910', '911']);
    expect(reads).toEqual([['2-1', ['10', '11']]]);
  });

  it('nothing of interest costs no call', async () => {
    expect(await presaleDealsForEvents([change('0-3', 2, 'dealstage', 'closedwon'), change('2-1', 12, 'hours_logged')], deps)).toEqual([]);
    expect(reads).toEqual([]);
  });
});
