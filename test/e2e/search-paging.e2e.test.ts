import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import { seedDeal, type Names } from '../../scripts/lib/seed';

/**
 * The sweep and the lapse pass write records out of the very search they page through. HubSpot's
 * `after` is an offset into the current result set, so offset paging skips records; one run must
 * settle every one of them.
 */
let stack: Stack;
let names: Names;

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
});
afterAll(async () => stack?.close());

const calls = (what: string) => {
  const c = stack.sandbox.calls();
  process.stdout.write(`${what}: ${c.total} calls ${JSON.stringify(c.byEndpoint)}\n`);
  return c;
};

it('one sweep gates every one of 500 deals left in Closed Won without webhooks', async () => {
  const ids = Array.from({ length: 500 }, (_, i) => seedDeal(stack.sandbox, { name: `Unhooked ${i}`, stage: 'closedwon' }));
  await stack.sandbox.idle();
  stack.sandbox.resetCounters();

  const result = await stack.sweep();

  const c = calls(`Sweep of ${ids.length} deals in Closed Won`);
  const stillWon = ids.filter((id) => stack.sandbox.getObject('deals', id)!.properties.dealstage === 'closedwon');
  expect(stillWon).toHaveLength(0);
  expect(result.reverted).toBe(ids.length);
  // Pages of 100 by id cursor: the gating pass, then the convergence step over the deals just decided.
  expect(c.byEndpoint['POST /crm/v3/objects/{objectType}/search']).toBeLessThanOrEqual(2 * (ids.length / 100 + 1));
  expect(result.taskCopiesClosed).toBe(0);
}, 60_000);

it('one renewal scan settles every one of 450 lapsed contracts', async () => {
  const ids = Array.from(
    { length: 450 },
    (_, i) =>
      stack.sandbox.createObject(names.contract, { contract_name: `Lapsed ${i}`, contract_status: 'active', renewal_date: '2027-02-01', auto_renew: 'false' })
        .id,
  );
  await stack.sandbox.idle();
  stack.sandbox.resetCounters();

  const result = await (await stack.service.runtime.renewals()).scan({ today: '2027-03-01' });

  const c = calls(`Renewal scan of ${ids.length} lapsed contracts`);
  const open = ids.filter((id) => stack.sandbox.getObject(names.contract, id)!.properties.contract_status !== 'ended');
  expect(open).toHaveLength(0);
  expect(result.lapsed).toBe(ids.length);
  expect(result.remindersCreated).toBe(ids.length);
  // Three empty reminder windows (180 days in 90-day windows), then five lapse pages of ≤ 100.
  expect(c.byEndpoint['POST /crm/v3/objects/{objectType}/search']).toBe(3 + Math.ceil(ids.length / 100));
}, 60_000);
