import { startStack, type Stack } from '../../scripts/lib/stack';
import { namesOf, seedOwners } from '../../scripts/lib/seed';
import { addDays } from '../../src/dates/calendar';

/**
 * A daily scan at scale searches only the dates that can fall due since the last scan: 12,000
 * contracts renewing evenly over the 180-day horizon (a quarter auto-renewing with 60 days'
 * notice, as the bench seeds them). The full horizon takes ≥ 60 searches here (253 at 50k).
 */
let stack: Stack;
const TODAY = '2027-03-01';
const COUNT = 12_000;
const SEARCH = 'POST /crm/v3/objects/{objectType}/search';

beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  const names = namesOf(stack.model);
  seedOwners(stack.sandbox);
  for (let i = 0; i < COUNT; i++) {
    const auto = i % 4 === 0;
    stack.sandbox.createObject(names.contract, {
      contract_name: `S${i}`,
      contract_status: 'active',
      renewal_date: addDays(TODAY, Math.floor((i * 181) / COUNT)),
      auto_renew: String(auto),
      term_months: '12',
      ...(auto ? { notice_period_days: '60' } : {}),
    });
  }
}, 120_000);
afterAll(async () => stack?.close());

it('a daily scan of 12,000 contracts makes at most 30 searches', async () => {
  const renewals = await stack.service.runtime.renewals();
  stack.sandbox.resetCounters();
  const daily = await renewals.scan({ today: TODAY, since: addDays(TODAY, -1) });
  const calls = stack.sandbox.calls();
  const searches = calls.byEndpoint[SEARCH] ?? 0;
  process.stdout.write(
    `Daily renewal scan of ${COUNT} contracts: ${searches} searches, ${calls.total} calls, ${daily.remindersCreated} reminders, ${daily.contractsSeen} contracts seen\n`,
  );
  expect(daily.scope).toEqual({ kind: 'since', since: addDays(TODAY, -1) });
  expect(searches).toBeLessThanOrEqual(30);
  // Contracts whose 90-, 60- or 30-day line is today, and notices due today: found and sent.
  const perDay = COUNT / 181;
  expect(daily.remindersCreated).toBeGreaterThan(3 * perDay * 0.9);
  expect(daily.contractsSeen).toBeLessThan(COUNT / 10);
}, 120_000);
