import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import { OWNERS, USER, seedCompany, seedContract, seedDeal, type Names } from '../../scripts/lib/seed';
import { renderSweepPreview } from '../../src/gate/render-sweep-preview';
import { renderScanPreview } from '../../src/renewals/render-scan-preview';

/**
 * `sweep --dry-run` and `renewals --dry-run`: the same decisions as the real run, listed, and not
 * one write. Each dry run is followed by the real run, which must do exactly what was listed.
 */

let stack: Stack;
let names: Names;
const TODAY = '2027-03-01';

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
}, 60_000);
afterAll(async () => stack?.close());

const portal = () => JSON.stringify(['deals', 'tasks', 'notes', names.contract, names.customerStatus].map((t) => stack.sandbox.listObjects(t)));

it('renewals dry run lists each task with owner and due date, each lapse and each roll-forward; writes nothing', async () => {
  const sb = stack.sandbox;
  const company = seedCompany(sb, 'Preview Works');
  const soon = seedContract(sb, names, undefined, company, {
    contract_name: 'Support',
    contract_status: 'active',
    renewal_date: '2027-03-31',
    auto_renew: 'false',
  });
  const rolling = seedContract(sb, names, undefined, company, {
    contract_name: 'Hosting',
    contract_status: 'active',
    renewal_date: '2027-02-01',
    auto_renew: 'true',
    term_months: '12',
  });
  const lapsing = seedContract(sb, names, undefined, company, {
    contract_name: 'Retainer',
    contract_status: 'active',
    renewal_date: '2027-02-15',
    auto_renew: 'false',
    hubspot_owner_id: OWNERS.rep.id,
  });
  await sb.searchIndexed();
  const renewals = await stack.service.runtime.renewals();
  const before = portal();

  const dry = await renewals.scan({ today: TODAY, dryRun: true });
  expect(portal()).toBe(before);
  expect(dry.planned).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        kind: 'reminder',
        contractId: soon,
        ownerId: OWNERS.am.id,
        dueDate: TODAY,
        subject: expect.stringContaining('Support renews 2027-03-31'),
      }),
      expect.objectContaining({ kind: 'auto-renew', contractId: rolling, from: '2027-02-01', to: '2028-02-01' }),
      expect.objectContaining({
        kind: 'lapse',
        contractId: lapsing,
        renewalDate: '2027-02-15',
        task: expect.objectContaining({ ownerId: OWNERS.rep.id, dueDate: TODAY }),
      }),
    ]),
  );
  expect([dry.autoRenewed, dry.lapsed]).toEqual([1, 1]);
  const text = renderScanPreview(dry.planned!);
  expect(text).toContain(`task for owner ${OWNERS.am.id}, due ${TODAY}`);
  expect(text).toMatch(/Hosting \(contract \d+\) auto-renews: renewal date 2027-02-01 → 2028-02-01/);
  expect(text).toMatch(/Retainer \(contract \d+\) lapsed on 2027-02-15/);

  // The real run makes exactly the listed writes.
  const real = await renewals.scan({ today: TODAY });
  expect(real.remindersCreated).toBe(dry.planned!.filter((a) => a.kind === 'reminder' || (a.kind === 'lapse' && a.task)).length);
  const tasks = sb.listObjects('tasks').map((t) => [t.properties.hs_task_subject, t.properties.hubspot_owner_id, t.properties.hs_timestamp?.slice(0, 10)]);
  for (const a of dry.planned!) {
    if (a.kind === 'reminder') expect(tasks).toContainEqual([a.subject, a.ownerId, a.dueDate]);
    if (a.kind === 'lapse' && a.task) expect(tasks).toContainEqual([a.task.subject, a.task.ownerId, a.task.dueDate]);
  }
  expect(sb.getObject(names.contract, rolling)!.properties.renewal_date).toBe('2028-02-01');
  expect(sb.getObject(names.contract, lapsing)!.properties.contract_status).toBe('ended');
}, 60_000);

it('sweep dry run lists what it would send back, with the same decision the real sweep then takes', async () => {
  const id = seedDeal(stack.sandbox, { name: 'Closed without a webhook' });
  stack.sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  const rt = stack.service.runtime;
  const before = portal();

  const dry = await rt.sweep(new Date(), { dryRun: true });
  expect(portal()).toBe(before);
  const decision = dry.decisions!.find((d) => d.dealId === id);
  expect(decision).toMatchObject({ action: 'block', revertTo: 'contractsent' });
  expect(renderSweepPreview(dry.decisions!, await rt.pipelines.all())).toMatch(
    new RegExp(`deal ${id}: would send back to Contract sent \\(\\d+ of \\d+ done; missing: .+\\); would open a task for owner ${OWNERS.rep.id}`, 'i'),
  );

  const real = await rt.sweep(new Date());
  expect(real.reverted).toBe(dry.reverted);
  expect(stack.sandbox.getObject('deals', id)!.properties.dealstage).toBe('contractsent');
}, 60_000);
