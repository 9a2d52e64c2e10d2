import { gateTaskCopies, type TasksReadBefore } from '../../../src/gate/gate-task-copies';
import type { CrmGateway } from '../../../src/hubspot/crm-gateway';
import type { CrmRecord } from '../../../src/hubspot/types';

const task = (id: string, subject: string, createdAt: string): CrmRecord => ({
  id,
  properties: { hs_task_subject: subject, hs_task_status: 'NOT_STARTED' },
  history: {},
  createdAt,
});
const GATE = '[Throughline close gate] Acme';

/** A gateway that answers the deals' task links and the tasks from fixed data, counting task reads. */
function gatewayWith(links: Record<string, string[]>, tasks: CrmRecord[]) {
  const reads: string[][] = [];
  const gateway = {
    associationsOf: async (_from: string, _to: string, ids: string[]) =>
      new Map(ids.flatMap((id) => (links[id] ? [[id, links[id]!.map((t) => ({ id: t, typeIds: [216], labels: [] }))] as const] : []))),
    readMany: async (_type: string, ids: string[]) => {
      reads.push(ids);
      return new Map(tasks.filter((t) => ids.includes(t.id)).map((t) => [t.id, t]));
    },
  } as unknown as CrmGateway;
  return { gateway, reads };
}

const dealOf = new Map([['close-gate-task:101', '101']]);
const before = (links: string[], records: CrmRecord[]): TasksReadBefore => ({
  asked: new Set(['101']),
  links: new Map([['101', links.map((id) => ({ id, typeIds: [216], labels: [] }))]]),
  records: new Map(records.map((r) => [r.id, r])),
});

describe("gateTaskCopies with the batch's earlier reads", () => {
  it('a deal showing only the task just made beside earlier non-gate tasks: no task read', async () => {
    const other = task('5', 'Call back', '2026-11-01T00:00:00Z');
    const { gateway, reads } = gatewayWith({ '101': ['5', '9001'] }, [other, task('9001', GATE, '2026-11-21T10:00:00Z')]);
    const copies = await gateTaskCopies(gateway, dealOf, before(['5'], [other]))(['close-gate-task:101']);
    expect(reads).toEqual([]);
    expect(copies.size).toBe(0);
  });

  it('a second new task (another process made one): read, both copies found', async () => {
    const { gateway, reads } = gatewayWith({ '101': ['9001', '9002'] }, [
      task('9001', GATE, '2026-11-21T10:00:00Z'),
      task('9002', GATE, '2026-11-21T10:00:01Z'),
    ]);
    const copies = await gateTaskCopies(gateway, dealOf, before([], []))(['close-gate-task:101']);
    expect(reads).toEqual([['9001', '9002']]);
    expect(
      copies
        .get('close-gate-task:101')!
        .map((c) => c.id)
        .sort(),
    ).toEqual(['9001', '9002']);
  });

  it('an earlier gate task (it may have been reopened), or no earlier read: read', async () => {
    const old = { ...task('7', GATE, '2026-11-01T00:00:00Z'), properties: { hs_task_subject: GATE, hs_task_status: 'COMPLETED' } };
    const data = [old, task('9001', GATE, '2026-11-21T10:00:00Z')];
    const first = gatewayWith({ '101': ['7', '9001'] }, data);
    await gateTaskCopies(first.gateway, dealOf, before(['7'], [old]))(['close-gate-task:101']);
    expect(first.reads).toHaveLength(1);
    const second = gatewayWith({ '101': ['9001'] }, data);
    await gateTaskCopies(second.gateway, dealOf)(['close-gate-task:101']);
    expect(second.reads).toHaveLength(1);
  });
});
