import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import { type Names } from '../../scripts/lib/seed';
import { addDays, type CalendarDate } from '../../src/dates/calendar';
import { parseSentLog } from '../../src/renewals/sent-log';

/**
 * The daily scan reads only what can fall due since the last scan; the full-horizon scan reads
 * everything. Over ten days, one of them skipped (the scheduler down), each day's real scan must
 * send exactly the reminders a full scan of the same portal would (its dry run, just before), and
 * at the end a full scan finds nothing left to send.
 */
let stack: Stack;
let names: Names;
const START = '2027-03-01';
const COUNT = 1_200;
const NOTICES = [14, 30, 45, 60, 90, 100, 175];

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
  for (let i = 0; i < COUNT; i++) {
    const auto = i % 3 === 0;
    stack.sandbox.createObject(names.contract, {
      contract_name: `K${i}`,
      contract_status: 'active',
      renewal_date: addDays(START, 1 + (i % 200)),
      auto_renew: String(auto),
      term_months: '12',
      ...(auto ? { notice_period_days: String(NOTICES[i % NOTICES.length]) } : {}),
    });
  }
}, 60_000);
afterAll(async () => stack?.close());

/** contract id → its reminder keys sent (lead and notice; lapse tasks are the lapse pass's). */
function sentReminders(): Map<string, Map<string, string>> {
  return new Map(
    stack.sandbox.listObjects(names.contract).map((c) => [
      c.id,
      new Map(
        parseSentLog(c.properties.reminders_sent)
          .filter((e) => /:(lead|notice):/.test(e.key) && e.taskId)
          .map((e) => [e.key, e.taskId!]),
      ),
    ]),
  );
}

it('the incremental daily scan sends what the full scan would, day by day, a skipped day included', async () => {
  const renewals = await stack.service.runtime.renewals();
  const scopes: string[] = [];
  let compared = 0;
  for (let day = 0; day < 10; day++) {
    if (day === 3) continue; // the scheduler was down
    const today = addDays(START, day) as CalendarDate;
    const full = await renewals.scan({ today, dryRun: true, full: true });
    const expected = (full.planned ?? []).flatMap((a) => (a.kind === 'reminder' ? [`${a.contractId}|${a.subject}`] : [])).sort();

    const before = sentReminders();
    const real = await renewals.scan({ today });
    scopes.push(real.scope.kind === 'full' ? 'full' : `since ${real.scope.since}`);
    const created = [...sentReminders()]
      .flatMap(([id, keys]) =>
        [...keys]
          .filter(([key]) => !before.get(id)?.has(key))
          .map(([, taskId]) => `${id}|${stack.sandbox.getObject('tasks', taskId)!.properties.hs_task_subject}`),
      )
      .sort();
    expect([today, created]).toEqual([today, expected]);
    compared += created.length;
  }
  expect(scopes).toEqual([
    'full',
    `since ${START}`,
    `since ${addDays(START, 1)}`,
    `since ${addDays(START, 2)}`, // day 4 covers the skipped day 3
    `since ${addDays(START, 4)}`,
    `since ${addDays(START, 5)}`,
    'full', // a week after the last full scan: the backstop
    `since ${addDays(START, 7)}`,
    `since ${addDays(START, 8)}`,
  ]);
  // The reminders compared are many, of both kinds, on the incremental days too.
  expect(compared).toBeGreaterThan(COUNT / 3);
  const last = await renewals.scan({ today: addDays(START, 9), dryRun: true, full: true });
  expect((last.planned ?? []).filter((a) => a.kind === 'reminder')).toEqual([]);
}, 180_000);
