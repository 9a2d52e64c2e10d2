import { dealsLikeThis, summariseDeliveryOutcomes } from '../../../src/insights';
import { dealsLikeThisSchema } from '../../../extensions/app/cards/shared/promises-card-data';
import { NOW, deal, grouping, portfolio, words } from './fixtures';

const summary = summariseDeliveryOutcomes(portfolio(), NOW, grouping);
const open = (dealType: string | null) => deal('99', { dealType, closedWonAt: null });

describe('dealsLikeThis', () => {
  it('speaks from the deals sharing the open deal’s type: estimate overrun, absorbed hours and causes, broken promises, lessons', () => {
    const section = dealsLikeThis(open('newbusiness'), summary, words);
    expect(section).toMatchObject({ state: 'ready', basedOn: 3, groupLabel: 'Deal type: newbusiness', caution: null, computedAt: NOW.toISOString() });
    expect(section.sentences).toEqual([
      'Delivery estimated 27% more hours than the proposal, and 3 weeks longer on average (2 of 3 deals).',
      'They absorbed 75 h of change orders (EUR 3,000), most of it from promise made during the sale (65 h) and missed dependency (10 h).',
      'Promises broken most: email (1 of 1), verbal (1 of 3).',
      'Delivery said: “Price the integrations”',
      'Delivery said: “Verbal start dates are never kept”',
    ]);
    // Hours per deal beyond the proposal: (380 − 300) / 2 deals with both; absorbed hours / 3 deals.
    expect(section.chart).toEqual([
      { label: 'Estimate over the proposal', hoursPerDeal: 40 },
      { label: 'Absorbed: Promise made during the sale', hoursPerDeal: 21.7 },
      { label: 'Absorbed: Missed dependency', hoursPerDeal: 3.3 },
    ]);
    expect(dealsLikeThisSchema.parse(section)).toEqual(section);
  });

  it('marks a small sample and says how little it stands on', () => {
    const section = dealsLikeThis(open('existingbusiness'), summary, words);
    expect(section.state).toBe('small_sample');
    expect(section.basedOn).toBe(1);
    expect(section.caution).toBe('Only 1 deal like this so far: read it as a story, not a pattern.');
    expect(section.sentences).toEqual(['Delivery estimated the hours the proposal sold.', 'No change order was absorbed.']);
    expect(section.chart).toEqual([]);
  });

  it('has nothing to say yet for a type never won, or a deal without a type', () => {
    expect(dealsLikeThis(open('partnership'), summary, words)).toMatchObject({
      state: 'none',
      basedOn: 0,
      groupLabel: 'Deal type: partnership',
      sentences: ['No deal like this one has been won and delivered yet.'],
    });
    const untyped = dealsLikeThis(open(null), summary, words);
    expect(untyped).toMatchObject({ state: 'none', groupLabel: null, sentences: ['This deal has no deal type yet: set it to see what deals like it taught.'] });
    expect(dealsLikeThisSchema.parse(untyped)).toEqual(untyped);
  });

  it('matches on the configured property, and says when absorbed change orders have no hours', () => {
    const deals = [
      deal('a', { properties: { industry: 'retail' }, changeOrders: [{ id: 'x', cause: null, decision: 'absorbed', hours: null, amount: null }] }),
    ];
    const byIndustry = summariseDeliveryOutcomes(deals, NOW, { ...grouping, by: { property: 'industry' } });
    const section = dealsLikeThis(deal('b', { properties: { industry: 'retail' } }), byIndustry, words);
    expect(section.groupLabel).toBe('Property industry: retail');
    expect(section.sentences).toContain('1 change order was absorbed, none with its hours recorded.');
  });
});
