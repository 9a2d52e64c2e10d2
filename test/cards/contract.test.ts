import { startSeededStack } from '../helpers/seeded-stack';
import { type Stack } from '../../scripts/lib/stack';
import {
  APPROVED_SCOPE,
  COMPLETE_CONTRACT,
  HANDOFF_COMPLETE,
  OWNERS,
  dragDeal,
  editAsUser,
  seedCompany,
  seedContract,
  seedDeal,
  seedScope,
  type Names,
} from '../../scripts/lib/seed';
import { apiErrorSchema, companyCardDataSchema, dealCardDataSchema, recheckResponseSchema } from '../../extensions/app/cards/shared/card-data';
import { API_PREFIX } from '../../extensions/app/cards/lib/service-paths';
import { signV3 } from '../helpers/sign';

/**
 * The cards API contract, end to end: the real service on the local stand-in, called over HTTP and
 * signed as hubspot.fetch calls are, its answers parsed with the very zod schemas the cards parse
 * with (extensions/app/cards/shared/card-data.ts). If the service's JSON and the cards' reading of
 * it drift apart, this fails.
 */

let stack: Stack;
let names: Names;
const ids: Record<string, string> = {};

async function call(method: 'GET' | 'POST', path: string, { sign = true } = {}) {
  const url = `${stack.service.url}${API_PREFIX}${path}`;
  const headers = sign ? signV3({ method, url, body: '', secret: stack.config.HUBSPOT_CLIENT_SECRET }) : {};
  const res = await fetch(url, { method, headers });
  return { status: res.status, body: (await res.json()) as unknown };
}

beforeAll(async () => {
  ({ stack, names } = await startSeededStack());
  const sb = stack.sandbox;

  ids.company = seedCompany(sb, 'Contract Labs');
  ids.closed = seedDeal(sb, { name: 'Contract checkout rebuild', companyId: ids.company, props: HANDOFF_COMPLETE });
  ids.scope = seedScope(sb, names, ids.closed, ids.company, {
    ...APPROVED_SCOPE,
    scope_name: 'Checkout v1',
    proposal_hours: '960',
    delivery_estimate_hours: '1040',
    discrepancy_resolution: 'Buyer accepted 80 extra hours',
  });
  ids.contract = seedContract(sb, names, ids.closed, ids.company, { ...COMPLETE_CONTRACT, contract_name: 'Contract Labs MSA', auto_renew: 'true' });
  await dragDeal(sb, ids.closed, 'closedwon');

  ids.open = seedDeal(sb, { name: 'Contract Labs phase 2', companyId: ids.company, props: { handoff_business_problem: 'Reporting is manual' } });
  ids.lonely = seedDeal(sb, { name: 'No company at all' });

  await (await stack.service.runtime.renewals()).scan({ today: '2027-09-02' });
  const status = sb.listObjects(names.customerStatus).find((s) => s.properties.status_title === 'Contract Labs')!;
  await editAsUser(sb, names.customerStatus, status.id, { status: 'at_risk', status_reason: 'Budget freeze until Q1' }, OWNERS.am);
}, 60_000);
afterAll(async () => stack?.close());

describe('cards API ↔ cards contract (shared zod schema)', () => {
  it('GET /deals/:id of a passed deal is a DealCardData the card reads', async () => {
    const { status, body } = await call('GET', `/deals/${ids.closed}`);
    expect(status).toBe(200);
    const card = dealCardDataSchema.parse(body);
    expect(card.gate).toMatchObject({ status: 'passed', live: 'passed' });
    expect(card.gate.passedCount).toBe(card.gate.total);
    expect(card.scope).toMatchObject({ name: 'Checkout v1', approved: true, statusLabel: 'Approved' });
    expect(card.scope!.comparisons.find((c) => c.label.includes('hours'))).toMatchObject({ proposal: '960', delivery: '1040', differs: true });
    expect(card.contract).toMatchObject({
      name: 'Contract Labs MSA',
      status: 'active',
      statusLabel: 'Active',
      renewalDate: '2027-12-01',
      autoRenew: true,
      noticeDeadline: '2027-10-02',
    });
    expect(card.customerStatus).toMatchObject({ status: 'at_risk', statusLabel: 'At risk' });
    expect(card.companyId).toBe(ids.company);
    expect(card.objectTypes.scope).toMatch(/^2-\d+$/);
  });

  it('GET /deals/:id of an incomplete deal without scope, contract or company parses too', async () => {
    const open = dealCardDataSchema.parse((await call('GET', `/deals/${ids.open}`)).body);
    expect(open.scope).toBeNull();
    expect(open.contract).toBeNull();
    expect(open.gate.items.some((i) => !i.passed && i.fix.length > 0)).toBe(true);
    const lonely = dealCardDataSchema.parse((await call('GET', `/deals/${ids.lonely}`)).body);
    expect(lonely.companyId).toBeNull();
    expect(lonely.customerStatus).toBeNull();
  });

  it('POST /deals/:id/recheck answers a RecheckResponse with the fresh card', async () => {
    const { status, body } = await call('POST', `/deals/${ids.open}/recheck`);
    expect(status).toBe(200);
    const answer = recheckResponseSchema.parse(body);
    expect(answer.action).toBe('skip');
    expect(answer.reason).toBe('not_gated');
    expect(answer.card.deal.id).toBe(ids.open);
  });

  it('GET /companies/:id is a CompanyCardData: status with history, engagements, next renewal, open renewal tasks', async () => {
    const { status, body } = await call('GET', `/companies/${ids.company}`);
    expect(status).toBe(200);
    const card = companyCardDataSchema.parse(body);
    expect(card.company).toEqual({ id: ids.company, name: 'Contract Labs' });
    expect(card.customerStatus).toMatchObject({ status: 'at_risk', statusLabel: 'At risk', reason: 'Budget freeze until Q1' });
    expect(card.customerStatus!.history.map((h) => [h.status, h.by])).toEqual(
      expect.arrayContaining([
        ['at_risk', 'a user'],
        ['onboarding', 'Throughline'],
      ]),
    );
    expect(card.engagements.map((e) => [e.dealId, e.gateStatus])).toEqual(
      [
        [ids.open, 'not_checked'],
        [ids.closed, 'passed'],
      ].sort((a, b) => Number(b[0]) - Number(a[0])),
    );
    const closed = card.engagements.find((e) => e.dealId === ids.closed)!;
    expect(closed.scope).toMatchObject({ approved: true });
    expect(closed.contract).toMatchObject({ renewalDate: '2027-12-01' });
    expect(card.nextRenewal).toMatchObject({ date: '2027-12-01', contractId: ids.contract, dealId: ids.closed, autoRenew: true });
    expect(card.renewalTasks.length).toBeGreaterThanOrEqual(1);
    expect(card.renewalTasks[0]!.subject).not.toContain('[Throughline renewal]');
    expect(card.renewalTasks[0]!.subject).toContain('Contract Labs MSA');
  });

  it('the company card is read in batch calls only: a few rounds, never one call per deal', async () => {
    await call('GET', `/companies/${ids.company}`); // portal types and pipelines are cached from here on
    stack.sandbox.resetCounters();
    await call('GET', `/companies/${ids.company}`);
    const calls = stack.sandbox.calls();
    expect(Object.keys(calls.byEndpoint).every((e) => e.endsWith('/batch/read'))).toBe(true);
    expect(calls.total).toBeLessThanOrEqual(12);
  });

  it('errors are the ApiError the cards read: unknown company 404, bad id 400, unsigned 401', async () => {
    const missing = await call('GET', '/companies/999999999');
    expect(missing.status).toBe(404);
    expect(apiErrorSchema.parse(missing.body).error).toBe('not_found');
    const bad = await call('GET', '/companies/abc');
    expect(bad.status).toBe(400);
    expect(apiErrorSchema.parse(bad.body).error).toBe('invalid_id');
    const unsigned = await call('GET', `/companies/${ids.company}`, { sign: false });
    expect(unsigned.status).toBe(401);
    apiErrorSchema.parse(unsigned.body);
  });
});
