import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { APPROVED_SCOPE, HANDOFF_COMPLETE, OWNERS, USER, namesOf, seedCompany, seedDeal, seedOwners, seedScope, type Names } from '../../scripts/lib/seed';
import { renderCompanyCardText } from '../../src/cards/render-company-card-text';
import { objectByRole } from '../../src/model';

/**
 * Delivery health end to end on the stand-in: webhooks of scopes, change orders, tickets and
 * invoices reach deals' health; the daily pass and its figures; the cards; `npm run delivery`.
 * Figures are printed for the record (docs/performance.md); bounds keep regressions visible.
 */

const root = join(__dirname, '..', '..');
// Real time: `npm run delivery` runs in its own process, on its own clock.
const NOW = new Date();
const day = (offsetDays: number) => new Date(NOW.getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
let stack: Stack;
let names: Names;
let changeOrder: string;

beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  names = namesOf(stack.model);
  changeOrder = objectByRole(stack.model, 'change_order').name;
  seedOwners(stack.sandbox);
}, 60_000);
afterAll(async () => stack?.close());

/** A deal in delivery (gate passed) with a scope 6 weeks in, a billed change order, an open ticket and an invoice. */
function seedDelivery(tag: string, companyId = seedCompany(stack.sandbox, `${tag} Co`)): { deal: string; scope: string; companyId: string } {
  const sb = stack.sandbox;
  const deal = seedDeal(sb, {
    name: `${tag} delivery`,
    companyId,
    stage: 'closedwon',
    props: { ...HANDOFF_COMPLETE, amount: '100000', deal_currency_code: 'EUR', gate_status: 'passed' },
  });
  const scope = seedScope(sb, names, deal, companyId, {
    ...APPROVED_SCOPE,
    proposal_hours: '1000',
    delivery_estimate_hours: '1000',
    delivery_phase: 'in_progress',
    delivery_start_date: day(-42),
    hours_logged: '500',
    cost_rate_per_hour: '50',
    hubspot_owner_id: OWNERS.delivery.id,
  });
  const links = [
    { toObjectType: 'deals', toObjectId: deal },
    { toObjectType: 'companies', toObjectId: companyId },
  ];
  sb.createObject(
    changeOrder,
    {
      change_order_title: 'Extra report',
      change_order_cause: 'client_request',
      change_order_hours: '20',
      change_order_amount: '3000',
      change_order_decision: 'billed',
    },
    { associations: links },
  );
  sb.createObject('tickets', { subject: `${tag} question`, hs_ticket_priority: 'LOW' }, { associations: links });
  sb.createObject(
    'invoices',
    {
      hs_number: `${tag}-1`,
      hs_invoice_status: 'open',
      hs_amount_billed: '20000',
      hs_amount_paid: '5000',
      hs_balance_due: '15000',
      hs_due_date: day(20),
      hs_currency: 'EUR',
    },
    { associations: links },
  );
  return { deal, scope, companyId };
}

const props = (id: string) => stack.sandbox.getObject('deals', id)!.properties;
const writes = (byEndpoint: Record<string, number>) =>
  Object.entries(byEndpoint).filter(([e]) => /^(POST|PATCH|PUT|DELETE) /.test(e) && !/\/(search|batch\/read)\b/.test(e));

it('figures: a 100-event delivery batch, and the daily pass per 100 deals; a re-run writes nothing', async () => {
  const sb = stack.sandbox;
  const seeded = Array.from({ length: 300 }, (_, i) => seedDelivery(`Bulk ${i}`));
  await sb.searchIndexed();
  const delivery = await stack.service.runtime.delivery();

  sb.resetCounters();
  const first = await delivery.dailyPass(NOW);
  const firstCalls = sb.calls();
  sb.resetCounters();
  const again = await delivery.dailyPass(NOW);
  const rerun = sb.calls();
  const per100 = (total: number, deals: number) => Math.round((total / deals) * 1000) / 10;
  process.stdout.write(
    `Daily pass over ${first.dealsAssessed} deals in delivery: first run ${firstCalls.total} calls (${per100(firstCalls.total, first.dealsAssessed)} per 100 deals, ${first.dealsUpdated.length} deals written); re-run ${rerun.total} calls (${per100(rerun.total, again.dealsAssessed)} per 100 deals), ${writes(rerun.byEndpoint).length} writes ${JSON.stringify(rerun.byEndpoint)}\n`,
  );
  expect(again.dealsUpdated).toEqual([]);
  expect(writes(rerun.byEndpoint)).toEqual([]);
  // Every page of 100 deals: 1 search, 1 deal read, 5 association reads (scope, change orders,
  // tickets, invoices, promises: v4 reads one pair of types per call), then one read per type that
  // has linked records (here scopes, change orders, tickets, invoices; no promises are seeded).
  expect(again.dealsAssessed).toBe(300);
  expect(per100(rerun.total, again.dealsAssessed)).toBeLessThanOrEqual(11);

  const hundred = seeded.slice(0, 100);
  sb.resetCounters();
  for (const s of hundred) sb.updateObject(names.scope, s.scope, { hours_logged: '510' }, { actAs: USER(OWNERS.delivery), emitWebhooks: true });
  await sb.idle();
  const batch = sb.calls();
  const deliveries = sb.deliveries().filter((d) => d.events.some((e) => e.propertyName === 'hours_logged' && e.propertyValue === '510'));
  process.stdout.write(`HubSpot calls for a 100-event delivery batch (100 scopes' hours_logged): ${batch.total} ${JSON.stringify(batch.byEndpoint)}\n`);
  expect(deliveries.map((d) => d.events.length)).toEqual([100]);
  for (const s of hundred) expect(props(s.deal).delivery_hours_logged).toBe('510');
  expect(batch.total).toBeLessThanOrEqual(12);
}, 120_000);

it('webhooks of a change order, a ticket and an invoice turn the deal at risk, then back; the cards show it', async () => {
  const sb = stack.sandbox;
  const a = seedDelivery('Story');
  const b = seedDelivery('Story second', a.companyId);
  await (await stack.service.runtime.delivery()).assessDeals([a.deal, b.deal], NOW);
  expect(props(a.deal)).toMatchObject({
    delivery_health: 'on_track',
    delivery_hours_budget: '1020',
    delivery_billed_amount: '20000',
    delivery_outstanding_amount: '15000',
  });

  const ticket = sb.listObjects('tickets').find((t) => t.properties.subject === 'Story question')!.id;
  sb.updateObject('tickets', ticket, { hs_ticket_priority: 'URGENT' }, { actAs: USER(OWNERS.am), emitWebhooks: true });
  await sb.idle();
  expect(props(a.deal).delivery_urgent_tickets).toBe('1');
  sb.createObject(
    changeOrder,
    {
      change_order_title: 'Promised dashboard',
      change_order_cause: 'sale_promise',
      change_order_hours: '200',
      change_order_amount: '0',
      change_order_decision: 'absorbed',
    },
    {
      actAs: USER(OWNERS.delivery),
      emitWebhooks: true,
      associations: [{ toObjectType: 'deals', toObjectId: a.deal }],
    },
  );
  await sb.idle();
  expect(props(a.deal).delivery_change_orders_absorbed_hours).toBe('200');
  const tasks = () => sb.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').includes('Story delivery is'));
  expect(props(a.deal).delivery_health).toBe('on_track'); // an urgent ticket opened today is no risk yet
  // Commerce Hub moves the invoice's due date back 40 days and its balance: overdue past 30 days.
  const invoice = sb.listObjects('invoices').find((i) => i.properties.hs_number === 'Story-1')!.id;
  sb.updateObject('invoices', invoice, { hs_due_date: day(-40), hs_balance_due: '14999' }, { emitWebhooks: true, actAs: USER(OWNERS.am) });
  await sb.idle();
  expect(props(a.deal).delivery_health).toBe('at_risk');
  expect(props(a.deal).delivery_health_reasons).toContain('overdue');
  expect(
    tasks()
      .map((t) => [t.properties.hubspot_owner_id, t.properties.hs_task_status])
      .sort(),
  ).toEqual([
    [OWNERS.rep.id, 'NOT_STARTED'],
    [OWNERS.delivery.id, 'NOT_STARTED'],
  ]);

  const cards = await stack.service.runtime.cards();
  const card = await cards.dealCard(a.deal);
  expect(card?.delivery).toMatchObject({ health: 'at_risk', currency: 'EUR', billing: { billed: 20_000, outstanding: 14_999, overdue: 14_999 } });
  expect(card?.delivery?.changeOrders.map((c) => c.decision).sort()).toEqual(['absorbed', 'billed']);
  const company = await cards.companyCard(a.companyId);
  expect(company?.engagements.map((e) => e.delivery?.health).sort()).toEqual(['at_risk', 'on_track']);
  expect(company?.accountTotals).toEqual({ currency: 'EUR', billed: 40_000, outstanding: 29_999, absorbedHours: 200 });
  expect(renderCompanyCardText(company!)).toContain('Account totals: billed EUR 40,000 · outstanding EUR 29,999 · 200 h absorbed in change orders');

  sb.updateObject(
    'invoices',
    invoice,
    { hs_invoice_status: 'paid', hs_balance_due: '0', hs_amount_paid: '20000' },
    { emitWebhooks: true, actAs: USER(OWNERS.am) },
  );
  await sb.idle();
  expect(props(a.deal).delivery_health).toBe('on_track');
  expect(tasks().map((t) => t.properties.hs_task_status)).toEqual(['COMPLETED', 'COMPLETED']);
  const blocked = seedDeal(sb, { name: 'Not in delivery', props: { gate_status: 'blocked' } });
  expect((await cards.dealCard(blocked))?.delivery).toBeUndefined();
}, 60_000);

it('npm run delivery -- --dry-run lists what would change per deal and writes nothing; --deal assesses one', async () => {
  const one = seedDelivery('Dry run');
  stack.sandbox.updateObject(names.scope, one.scope, { hours_logged: '1100' });
  await stack.sandbox.searchIndexed();
  stack.sandbox.resetCounters();
  const run = (args: string[]) =>
    new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const env: NodeJS.ProcessEnv = {
        ...process.env,
        THROUGHLINE_SKIP_DOTENV: '1',
        HUBSPOT_ACCESS_TOKEN: stack.config.HUBSPOT_ACCESS_TOKEN,
        HUBSPOT_API_BASE_URL: stack.sandbox.url,
        HUBSPOT_APP_ID: stack.config.HUBSPOT_APP_ID!,
        HUBSPOT_REQUESTS_PER_10S: '0',
      };
      execFile(join(root, 'node_modules/.bin/tsx'), ['scripts/delivery.ts', ...args], { cwd: root, env, timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : null) : 0, stdout, stderr }),
      );
    });
  const dry = await run(['--dry-run']);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain(`Deal ${one.deal} “Dry run delivery”: never assessed → off_track`);
  expect(dry.stdout).toMatch(/would set delivery_health = off_track/);
  expect(dry.stdout).toMatch(/Delivery \(dry run: nothing written\): \d+ deal\(s\) in delivery assessed; [1-9]\d* would change/);
  expect(dry.stderr).toMatch(/… \d+ deal\(s\) assessed/);
  expect(writes(stack.sandbox.calls().byEndpoint)).toEqual([]);
  expect(props(one.deal).delivery_health).toBeUndefined();

  const single = await run(['--deal', one.deal]);
  expect(single.code).toBe(0);
  expect(single.stdout).toMatch(/Delivery: 1 deal\(s\) in delivery assessed; 1 updated/);
  expect(props(one.deal).delivery_health).toBe('off_track');
  expect((await run(['--deal', 'abc'])).code).toBe(2);
}, 120_000);
