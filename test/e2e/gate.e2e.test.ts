import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import {
  APPROVED_SCOPE,
  COMPLETE_CONTRACT,
  HANDOFF_COMPLETE,
  OWNERS,
  USER,
  dragDeal,
  editAsUser,
  seedCompany,
  seedContract,
  seedDeal,
  seedScope,
  type Names,
} from '../../scripts/lib/seed';

let stack: Stack;
let names: Names;

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
});
afterAll(async () => stack?.close());

const deal = (id: string) => stack.sandbox.getObject('deals', id)!;
const tasksOf = (dealId: string) => stack.sandbox.listObjects('tasks').filter((t) => t.properties.hs_task_body?.includes(`Deal ${dealId}.`));

describe('close gate on the local stand-in', () => {
  it('bounces an incomplete deal back, with one task; passes it once complete and starts the customer status', async () => {
    const company = seedCompany(stack.sandbox, 'Northwind Labs');
    const id = seedDeal(stack.sandbox, { name: 'Northwind checkout rebuild', companyId: company, props: HANDOFF_COMPLETE });
    const scope = seedScope(stack.sandbox, names, id, company, {
      ...APPROVED_SCOPE,
      delivery_approved: 'false',
      scope_status: 'in_review',
      scope_name: 'Checkout v1',
    });

    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties.dealstage).toBe('contractsent');
    expect(deal(id).properties.gate_status).toBe('blocked');
    expect(deal(id).properties.gate_missing_items).toContain('Delivery approved');
    expect(deal(id).properties.gate_missing_items).toContain('Add a Service contract');
    expect(tasksOf(id)).toHaveLength(1);
    expect(tasksOf(id)[0]!.properties.hubspot_owner_id).toBe(OWNERS.rep.id);

    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties.dealstage).toBe('contractsent');
    expect(tasksOf(id)).toHaveLength(1);

    await editAsUser(stack.sandbox, names.scope, scope, { delivery_approved: 'true', scope_status: 'approved' }, OWNERS.delivery);
    const contract = seedContract(stack.sandbox, names, id, company, { ...COMPLETE_CONTRACT, contract_name: 'Northwind MSA' });
    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties.dealstage).toBe('closedwon');
    expect(deal(id).properties.gate_status).toBe('passed');
    expect(stack.sandbox.getObject(names.contract, contract)!.properties.contract_status).toBe('active');
    const statuses = stack.sandbox.listObjects(names.customerStatus);
    expect(statuses.map((s) => [s.properties.status_title, s.properties.status])).toContainEqual(['Northwind Labs', 'onboarding']);
  });

  it('never touches a deal that entered the stage before enforcedSince', async () => {
    const id = seedDeal(stack.sandbox, { name: 'Old deal', stage: 'closedwon', at: '2026-06-01T00:00:00Z' });
    await stack.service.runtime.gate().then((g) => g.gateDeals([id], new Date()));
    expect(deal(id).properties.dealstage).toBe('closedwon');
    expect(deal(id).properties.gate_status ?? '').toBe('');
  });

  it('an override with a reason passes and leaves a note naming who set it', async () => {
    const id = seedDeal(stack.sandbox, { name: 'Rush job', props: { ...HANDOFF_COMPLETE } });
    await editAsUser(stack.sandbox, 'deals', id, { gate_override: 'true', gate_override_reason: 'CEO signed off; scope lands Monday' }, OWNERS.am);
    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties).toMatchObject({ dealstage: 'closedwon', gate_status: 'overridden' });
    const notes = stack.sandbox.listObjects('notes').filter((n) => n.properties.hs_note_body?.includes('CEO signed off'));
    expect(notes).toHaveLength(1);
    // The owner's name, not the user id behind it.
    expect(notes[0]!.properties.hs_note_body).toContain(`overridden by ${OWNERS.am.firstName} ${OWNERS.am.lastName} (set `);
    expect(notes[0]!.properties.hs_note_body).not.toContain(`user ${OWNERS.am.userId}`);
  });

  it('our own revert does not trigger the gate again (no loop)', async () => {
    const id = seedDeal(stack.sandbox, { name: 'Loop check' });
    stack.sandbox.resetCounters();
    await dragDeal(stack.sandbox, id, 'closedwon');
    await stack.sandbox.idle();
    const events = stack.sandbox
      .deliveries()
      .flatMap((d) => d.events)
      .filter((e) => String(e.objectId) === id && e.propertyName === 'dealstage');
    // The user's move and our revert both arrive; the revert is marked as this app's own write.
    expect(events.map((e) => [e.propertyValue, e.changeSource])).toEqual([
      ['closedwon', 'CRM_UI'],
      ['contractsent', 'INTEGRATION'],
    ]);
    expect(tasksOf(id)).toHaveLength(1);
    const history = deal(id).propertiesWithHistory.dealstage!;
    expect(history.filter((h) => h.value === 'contractsent' && h.sourceType === 'INTEGRATION')).toHaveLength(1);
  });

  it('a dropped delivery is caught by the sweep', async () => {
    const id = seedDeal(stack.sandbox, { name: 'Missed webhook' });
    stack.sandbox.setFaults({ dropWebhooks: 1 });
    stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep), emitWebhooks: true });
    await stack.sandbox.idle();
    stack.sandbox.clearFaults();
    expect(deal(id).properties.dealstage).toBe('closedwon');
    const r = await stack.service.runtime.sweep(new Date());
    expect(r.reverted).toBeGreaterThanOrEqual(1);
    expect(deal(id).properties.dealstage).toBe('contractsent');
    expect(tasksOf(id)).toHaveLength(1);
  });
});
