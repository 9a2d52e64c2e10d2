import { startStack, type Stack } from '../../scripts/lib/stack';
import {
  APPROVED_SCOPE,
  COMPLETE_CONTRACT,
  HANDOFF_COMPLETE,
  OWNERS,
  dragDeal,
  editAsUser,
  namesOf,
  seedCompany,
  seedContract,
  seedDeal,
  seedOwners,
  seedScope,
  type Names,
} from '../../scripts/lib/seed';
import { promiseNamesOf, seedCommitment, seedFinishedEngagement, type PromiseNames } from '../../scripts/lib/seed-promises';

let stack: Stack;
let names: Names;
let promises: PromiseNames;
let company: string;

beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  names = namesOf(stack.model);
  promises = promiseNamesOf(stack.model);
  seedOwners(stack.sandbox);
  company = seedCompany(stack.sandbox, 'Promise Test Co');
});
afterAll(async () => stack?.close());

const deal = (id: string) => stack.sandbox.getObject('deals', id)!;

function readyDeal(name: string): string {
  const id = seedDeal(stack.sandbox, { name, companyId: company, props: HANDOFF_COMPLETE });
  seedScope(stack.sandbox, names, id, company, { ...APPROVED_SCOPE, scope_name: `${name} scope` });
  seedContract(stack.sandbox, names, id, company, { ...COMPLETE_CONTRACT, contract_name: `${name} contract` });
  return id;
}

describe('a promise outside the signed scope at Closed Won', () => {
  it('sends the deal back until it is priced, accepted or declined; the card and the task say so item by item', async () => {
    const id = readyDeal('Promise gate deal');
    const promise = seedCommitment(stack.sandbox, promises, id, {
      commitment_title: 'Migrate ten years of orders',
      commitment_how: 'verbal',
      commitment_in_signed_scope: 'false',
    });
    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties).toMatchObject({ dealstage: 'contractsent', gate_status: 'blocked' });
    expect(deal(id).properties.gate_missing_items).toContain('Promise “Migrate ten years of orders”');
    const task = stack.sandbox.listObjects('tasks').find((t) => (t.properties.hs_task_body ?? '').includes(`Deal ${id}.`));
    expect(task?.properties.hs_task_body).toContain(
      'Outside-scope decision: priced (in the contract or a change order), accepted by delivery or declined with the buyer',
    );

    const card = (await (await stack.service.runtime.cards()).dealCard(id))!;
    const item = card.gate.items.find((i) => i.key === `commitment.${promise}.commitment_scope_decision`);
    expect(item).toMatchObject({
      passed: false,
      label: expect.stringContaining('(outside the signed scope): priced (in the contract or a change order), accepted by delivery or declined with the buyer'),
    });
    expect(card.commitments).toMatchObject({
      addLabel: 'Add a promise',
      objectTypeId: expect.stringMatching(/^2-/),
      items: [{ id: promise, inSignedScope: false, scopeDecision: null }],
    });

    await editAsUser(stack.sandbox, promises.commitment, promise, { commitment_scope_decision: 'priced' });
    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties).toMatchObject({ dealstage: 'closedwon', gate_status: 'passed' });
  });

  it('lets a deal without promises, or with promises inside the scope, through as before', async () => {
    const id = readyDeal('Promise in scope deal');
    seedCommitment(stack.sandbox, promises, id, { commitment_title: 'Weekly demo', commitment_how: 'proposal', commitment_in_signed_scope: 'true' });
    await dragDeal(stack.sandbox, id, 'closedwon');
    expect(deal(id).properties.gate_status).toBe('passed');
  });
});

describe('the handoff review pass', () => {
  it('makes one task for the delivery lead on the day, marks overdue without a second task, completes it when answered', async () => {
    const id = readyDeal('Review deal');
    await dragDeal(stack.sandbox, id, 'closedwon');
    const scope = stack.sandbox.listObjects(names.scope).find((s) => s.properties.scope_name === 'Review deal scope')!;
    stack.sandbox.updateObject(names.scope, scope.id, { delivery_start_date: '2027-01-04', hubspot_owner_id: OWNERS.delivery.id });
    const reviews = await stack.service.runtime.handoffReviews();
    const reviewTasks = () =>
      stack.sandbox.listObjects('tasks').filter((t) => (t.properties.hs_task_subject ?? '').includes('[Throughline handoff review] Review deal'));

    const early = await reviews.reviewDeals([id], new Date('2027-01-10T09:00:00Z'));
    expect(early.byState.not_yet).toBe(1);
    expect(reviewTasks()).toHaveLength(0);
    expect(deal(id).properties).toMatchObject({ handoff_review_due_date: '2027-01-18', handoff_review_state: 'not_yet' });

    const onTheDay = await reviews.dailyPass(new Date('2027-01-18T09:00:00Z'));
    expect(onTheDay.planned.find((r) => r.dealId === id)?.plan.state).toBe('due');
    expect(reviewTasks()).toHaveLength(1);
    expect(reviewTasks()[0]!.properties).toMatchObject({ hubspot_owner_id: OWNERS.delivery.id, hs_task_status: 'NOT_STARTED' });
    expect(reviewTasks()[0]!.properties.hs_task_body).toContain('Where the client felt a drop in momentum');
    expect(deal(id).properties.handoff_review_task_id).toBe(reviewTasks()[0]!.id);

    await reviews.dailyPass(new Date('2027-01-21T09:00:00Z'));
    expect(deal(id).properties.handoff_review_state).toBe('overdue');
    expect(reviewTasks()).toHaveLength(1);
    const card = (await (await stack.service.runtime.cards()).dealCard(id))!;
    expect(card.handoffReview).toMatchObject({ state: expect.stringMatching(/overdue|due|not_yet/) });

    await editAsUser(
      stack.sandbox,
      'deals',
      id,
      {
        handoff_review_belief_matched: 'partly',
        handoff_review_rediscovered: 'promises',
        handoff_review_readiness: '3',
        handoff_review_momentum_drop: 'before_kickoff',
      },
      OWNERS.delivery,
    );
    const answered = await reviews.dailyPass(new Date('2027-01-22T09:00:00Z'));
    expect(answered.tasksCompleted).toBe(1);
    expect(reviewTasks()[0]!.properties.hs_task_status).toBe('COMPLETED');
    expect(deal(id).properties.handoff_review_state).toBe('answered');
    // Search may still show the deal as overdue for a moment; read again by id, it is answered: nothing is written twice.
    const after = await reviews.dailyPass(new Date('2027-01-23T09:00:00Z'));
    expect(after.tasksCompleted).toBe(0);
    expect(after.dealsUpdated).not.toContain(id);
  });
});

describe('insights and "Deals like this"', () => {
  it('summarises finished engagements and shows an open deal of that type what they taught, with how many deals it stands on', async () => {
    for (const [i, closedAt] of ['2026-03-01T10:00:00Z', '2026-05-01T10:00:00Z'].entries()) {
      seedFinishedEngagement(stack.sandbox, names, promises, company, {
        name: `Partner rollout ${i}`,
        dealType: 'existingbusiness',
        closedAt,
        scope: { proposal_hours: '400', delivery_estimate_hours: '480' },
        review: {
          handoff_review_belief_matched: 'partly',
          handoff_review_rediscovered: 'scope',
          handoff_review_readiness: '2',
          handoff_review_momentum_drop: 'before_kickoff',
          handoff_review_sales_lesson: 'Price data migration as its own line',
        },
        promises: [{ commitment_title: 'Start in two weeks', commitment_how: 'verbal', commitment_status: 'broken' }],
        changeOrders: [
          {
            change_order_title: 'Data migration',
            change_order_cause: 'scope_gap',
            change_order_hours: '60',
            change_order_amount: '6000',
            change_order_decision: 'absorbed',
          },
        ],
      });
    }
    const insights = await stack.service.runtime.insights();
    const progress: number[] = [];
    const summary = await insights.summarise(new Date('2027-02-01T00:00:00Z'), { onProgress: (n) => progress.push(n) });
    const row = summary.rows.find((r) => r.key === 'existingbusiness')!;
    expect(row).toMatchObject({ deals: 2, label: 'Existing business', absorbed: { changeOrders: 2, hours: 120 } });
    expect(row.promises.brokenAgain).toEqual([{ title: 'Start in two weeks', deals: 2 }]);
    expect(progress.length).toBeGreaterThan(0);

    const open = seedDeal(stack.sandbox, { name: 'New partner rollout', companyId: company, props: { dealtype: 'existingbusiness' } });
    await insights.refresh(new Date('2027-02-01T00:00:00Z'));
    const card = (await (await stack.service.runtime.cards()).dealCard(open))!;
    expect(card.dealsLikeThis).toMatchObject({ state: 'small_sample', basedOn: 2, groupLabel: 'Deal type: Existing business' });
    expect(card.dealsLikeThis!.sentences.join(' ')).toContain('Start in two weeks');
    expect(card.dealsLikeThis!.sentences.join(' ')).toContain('Price data migration');
    const won = (await (
      await stack.service.runtime.cards()
    ).dealCard(stack.sandbox.listObjects('deals').find((d) => d.properties.dealname === 'Partner rollout 0')!.id))!;
    expect(won.dealsLikeThis).toBeUndefined();
  });
});
