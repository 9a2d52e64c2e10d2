import { dealCardInput } from './deal-card-input';
import { buildDealCard, type DealCardInput } from '../../src/cards/build-deal-card';
import { dealCardDataSchema } from '../../extensions/app/cards/shared/card-data';
import { approvedScope, completeContract, dealRecord, pipeline, rule } from '../unit/gate/fixtures';

const now = new Date('2026-11-21T10:00:00Z');

function input(dealProps: Record<string, string>, contracts = [completeContract]): DealCardInput {
  const deal = dealRecord({ dealstage: 'closedwon', gate_checked_at: '2026-11-20T23:30:00.000Z', ...dealProps }, [
    ['closedwon', '2026-11-20T10:00:00Z'],
    ['contractsent', '2026-11-10T00:00:00Z'],
  ]);
  return dealCardInput({ deal, scopes: [approvedScope], contracts }, { pipeline, rule, now, today: '2026-11-21', timeZone: 'Europe/Berlin' });
}

describe('buildDealCard (pure)', () => {
  it('groups the missing items by action, as the task does, and answers in the shared schema', () => {
    const card = buildDealCard(input({}, []));
    expect(card.gate.missing.map((g) => g.key)).toEqual(['add.contract']);
    expect(card.gate.missing[0]!.needs).toHaveLength(5);
    expect(() => dealCardDataSchema.parse(card)).not.toThrow();
  });

  it('the check time in the portal’s zone, the value in the deal’s currency, else the portal’s', () => {
    const priced = { ...completeContract, properties: { ...completeContract.properties, contract_value: '180000' } };
    const euro = buildDealCard(input({ deal_currency_code: 'EUR' }, [priced]));
    expect(euro.gate.checkedAtText).toBe('21 Nov 2026, 00:30 CET');
    expect(euro.contract).toMatchObject({ value: 180000, valueText: '€180,000' });
    expect(buildDealCard(input({}, [priced])).contract!.valueText).toBe('US$180,000');
  });
});
