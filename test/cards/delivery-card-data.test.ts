import { companyCardDataSchema, dealCardDataSchema } from '../../extensions/app/cards/shared/card-data';
import { deliverySectionSchema } from '../../extensions/app/cards/shared/delivery-card-data';
import { company, passedDeal } from './ui/fixtures';
import { atRiskDelivery, companyInDelivery, dealInDelivery, noDataYetDelivery, offTrackDelivery, partialSourcesDelivery } from './ui/delivery-fixtures';

/**
 * The delivery additions to the cards contract: every state the cards design for round-trips through
 * the shared schemas unchanged, a service that predates them still parses, and the mistakes a service
 * could make (a zero where it means "unknown" is the card's problem; these are the schema's) are refused.
 */

describe('delivery card data (shared zod schema)', () => {
  it.each([
    ['at risk', atRiskDelivery()],
    ['no data yet', noDataYetDelivery()],
    ['partial sources', partialSourcesDelivery()],
    ['off track', offTrackDelivery()],
  ])('a deal card %s round-trips unchanged', (_state, delivery) => {
    const card = dealInDelivery(delivery);
    expect(dealCardDataSchema.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });

  it('a service that sends no delivery (or null) still parses', () => {
    expect(dealCardDataSchema.parse(passedDeal()).delivery).toBeUndefined();
    expect(dealCardDataSchema.parse({ ...passedDeal(), delivery: null }).delivery).toBeNull();
    expect(companyCardDataSchema.parse(company()).accountTotals).toBeUndefined();
    expect(companyCardDataSchema.parse(company()).engagements[0]!.delivery).toBeUndefined();
  });

  it('the company card with engagement health and account totals round-trips unchanged', () => {
    const card = companyInDelivery();
    expect(companyCardDataSchema.parse(JSON.parse(JSON.stringify(card)))).toEqual(card);
  });

  it.each([
    ['an unknown health', { health: 'amber' }, 'health'],
    ['a currency not in ISO form', { currency: 'usd' }, 'currency'],
    ['no change order type', { changeOrderObjectTypeId: undefined }, 'changeOrderObjectTypeId'],
    ['a negative hour budget', { hours: { budget: -1, logged: null, burnPct: null, timeElapsedPct: null } }, 'hours.budget'],
    ['an unknown source', { sources: [{ source: 'timesheets', status: 'ok', message: null }] }, 'sources.0.source'],
    ['an unknown decision', { changeOrders: [{ ...atRiskDelivery().changeOrders[0]!, decision: 'pending' }] }, 'changeOrders.0.decision'],
    ['a milestone date with a time', { nextMilestone: { name: 'Go live', date: '2027-01-15T00:00:00Z', daysToGo: 3 } }, 'nextMilestone.date'],
  ])('refuses %s', (_what, change, path) => {
    const result = deliverySectionSchema.safeParse({ ...atRiskDelivery(), ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.path.join('.'))).toContain(path);
  });
});
