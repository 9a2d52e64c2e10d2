import { dealsLikeThis, summariseDeliveryOutcomes } from '../../../src/insights';
import { NOW, deal, promise, review, words } from './fixtures';

const grouping = { by: 'dealtype' as const, currency: 'EUR', smallGroupBelow: 5, lessonsShown: 3 };

describe('what two finished engagements teach the next sale', () => {
  const finished = [
    deal('1', {
      dealType: 'newbusiness',
      commitments: [promise('11', { title: 'Start in two weeks', how: 'verbal', status: 'broken' }), promise('12', { title: 'Weekly demo', status: 'kept' })],
      review: review({ momentumDrops: ['before_kickoff', 'waiting_on_client'] }),
    }),
    deal('2', {
      dealType: 'newbusiness',
      commitments: [
        promise('21', { title: '  start in two WEEKS! ', how: 'verbal', status: 'broken' }),
        promise('22', { title: 'Free training', status: 'broken' }),
      ],
      review: review({ momentumDrops: ['before_kickoff'] }),
    }),
    deal('3', {
      dealType: 'renewal',
      commitments: [promise('31', { title: 'Start in two weeks', status: 'broken' })],
      review: review({ momentumDrops: ['none'] }),
    }),
  ];
  const summary = summariseDeliveryOutcomes(finished, NOW, grouping);
  const newBusiness = summary.rows.find((r) => r.key === 'newbusiness')!;

  it('finds the same promise broken on two deals of a group, whatever its spelling, and not one broken once', () => {
    expect(newBusiness.promises.brokenAgain).toEqual([{ title: 'Start in two weeks', deals: 2 }]);
    expect(summary.rows.find((r) => r.key === 'renewal')!.promises.brokenAgain).toEqual([]);
  });

  it('counts where clients felt momentum drop, per deal, leaving "none" out', () => {
    expect(newBusiness.reviews.momentumDrops).toEqual([
      { item: 'before_kickoff', deals: 2 },
      { item: 'waiting_on_client', deals: 1 },
    ]);
    expect(summary.rows.find((r) => r.key === 'renewal')!.reviews.momentumDrops).toEqual([]);
  });

  it('says both on the card of an open deal of that type', () => {
    const card = dealsLikeThis({ dealType: 'newbusiness', pipeline: 'default', ownerId: null, properties: {} }, summary, words);
    expect(card.basedOn).toBe(2);
    expect(card.sentences).toContain('Broken on more than one of them: “Start in two weeks” (2 deals).');
    expect(card.sentences).toContain('Clients felt momentum drop most between signature and kickoff (2 of 2 reviews).');
  });
});
