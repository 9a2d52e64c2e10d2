import { startStack, type Stack } from '../../scripts/lib/stack';
import { namesOf, seedOwners } from '../../scripts/lib/seed';
import { promiseNamesOf, seedFinishedEngagement } from '../../scripts/lib/seed-promises';

/**
 * What `npm run insights` costs per 1,000 closed-won deals, each with a scope, two change orders
 * and three promises: measured on the stand-in and printed (docs/performance.md). The bound keeps
 * a per-deal call from creeping in; the figure is the printed one.
 */
let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
  await stack.provision();
  seedOwners(stack.sandbox);
});
afterAll(async () => stack?.close());

it('calls per 1,000 closed-won deals read by npm run insights', async () => {
  const names = namesOf(stack.model);
  const promises = promiseNamesOf(stack.model);
  for (let i = 0; i < 1000; i++) {
    seedFinishedEngagement(stack.sandbox, names, promises, undefined, {
      name: `Engagement ${i}`,
      dealType: i % 3 === 0 ? 'newbusiness' : 'existingbusiness',
      closedAt: '2026-06-01T10:00:00Z',
      review: {
        handoff_review_belief_matched: 'matched',
        handoff_review_rediscovered: 'none',
        handoff_review_readiness: '4',
        handoff_review_momentum_drop: 'none',
      },
      promises: [0, 1, 2].map((p) => ({ commitment_title: `Promise ${p}`, commitment_how: 'verbal', commitment_status: p === 0 ? 'broken' : 'kept' })),
      changeOrders: [0, 1].map((c) => ({
        change_order_title: `Change ${c}`,
        change_order_cause: 'scope_gap',
        change_order_hours: '10',
        change_order_decision: 'absorbed',
      })),
    });
  }
  await new Promise((r) => setTimeout(r, 200)); // the stand-in's search index lag
  const insights = await stack.service.runtime.insights();
  await stack.service.runtime.pipelines.all();
  stack.sandbox.resetCounters();
  const progress: number[] = [];
  const summary = await insights.summarise(new Date('2027-01-01T00:00:00Z'), { onProgress: (n) => progress.push(n) });
  const calls = stack.sandbox.calls();
  process.stdout.write(
    `npm run insights, 1,000 closed-won deals (1 scope, 2 change orders, 3 promises each): ${calls.total} HubSpot calls ${JSON.stringify(calls.byEndpoint)}\n`,
  );
  expect(summary.total.deals).toBe(1000);
  expect(summary.total.promises).toMatchObject({ made: 3000, broken: 1000 });
  expect(progress).toEqual([200, 400, 600, 800, 1000]);
  // Per page of 200: 1 search, 3 association reads of 2 calls, scopes 2, change orders 4, promises 6.
  expect(calls.total).toBeLessThanOrEqual(5 * (1 + 6 + 2 + 4 + 6) + 1);
}, 120_000);
