import { Writable } from 'node:stream';
import { startStack, type Stack } from '../../scripts/lib/stack';
import { HANDOFF_COMPLETE, OWNERS, dragDeal, editAsUser, seedDeal, seedOwners } from '../../scripts/lib/seed';

/** The running service says, at info and in words, what the gate did to each deal. */
const lines: Array<Record<string, unknown>> = [];
const capture = new Writable({
  write(chunk: Buffer, _encoding, done) {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const INFO = 30;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ logLevel: 'info', logDestination: capture });
  await stack.provision();
  seedOwners(stack.sandbox);
});
afterAll(async () => stack?.close());

const about = (dealId: string) => lines.filter((l) => l.dealId === dealId && l.action);

it('a deal sent back: deal id and name, stage labels, and the missing items grouped by action', async () => {
  const id = seedDeal(stack.sandbox, { name: 'Logged rebuild', props: HANDOFF_COMPLETE });
  await dragDeal(stack.sandbox, id, 'closedwon');
  const [line] = about(id);
  expect(line).toMatchObject({ level: INFO, dealName: 'Logged rebuild', stage: 'Closed Won', action: 'sent back', revertedTo: 'Contract Sent' });
  expect(line!.msg).toMatch(
    new RegExp(`^Deal ${id} “Logged rebuild” was moved to Closed Won and sent back to Contract Sent: 2 items missing — Add a Scope to this deal`),
  );
  expect(line!.missing).toEqual([
    expect.stringMatching(/^Add a Scope to this deal .* — with Deliverables, /),
    expect.stringMatching(/^Add a Service contract to this deal .* — with Start date, /),
  ]);
});

it('an overridden deal: the action and the reason, and what it passed without', async () => {
  const id = seedDeal(stack.sandbox, { name: 'Logged rush', props: HANDOFF_COMPLETE });
  await editAsUser(stack.sandbox, 'deals', id, { gate_override: 'true', gate_override_reason: 'CEO signed off' }, OWNERS.am);
  await dragDeal(stack.sandbox, id, 'closedwon');
  const [line] = about(id);
  expect(line).toMatchObject({ level: INFO, stage: 'Closed Won', action: 'overridden', reason: 'CEO signed off' });
  expect(line!.msg).toContain(`Deal ${id} “Logged rush” stays in Closed Won: the close gate was overridden (“CEO signed off”): 2 items missing`);
});
