import { settleGateTasks } from '../../../src/gate/gate-task-copies';
import type { AssociatedId, CrmRecord } from '../../../src/hubspot/types';

const task = (id: string, subject: string, createdAt: string, status = 'NOT_STARTED'): CrmRecord => ({
  id,
  properties: { hs_task_subject: subject, hs_task_status: status },
  history: {},
  createdAt,
});
const GATE = '[Throughline close gate] Acme';
const linksOf = (ids: string[]) => new Map<string, AssociatedId[]>([['101', ids.map((id) => ({ id, typeIds: [216], labels: [] }))]]);
const byId = (...tasks: CrmRecord[]) => new Map(tasks.map((t) => [t.id, t]));

describe('settleGateTasks: one open gate task per deal, whoever made the copies', () => {
  const older = task('7', GATE, '2026-12-01T10:00:00Z');
  const newer = task('5', GATE, '2026-12-01T10:00:01Z');
  const mine = task('9', 'Call the client', '2026-12-01T09:00:00Z');

  it('keeps the oldest open copy of a blocked deal and completes the others, ignoring tasks that are not the gate’s', () => {
    expect(settleGateTasks('101', linksOf(['5', '7', '9']), byId(older, newer, mine), false)).toEqual({ keep: '7', close: ['5'] });
  });

  it('two racers reading the copies in any order settle the same way', () => {
    const a = settleGateTasks('101', linksOf(['5', '7']), byId(older, newer), false);
    const b = settleGateTasks('101', linksOf(['7', '5']), byId(newer, older), false);
    expect(a).toEqual(b);
  });

  it('a deal that passes keeps none of its open gate tasks', () => {
    expect(settleGateTasks('101', linksOf(['5', '7', '9']), byId(older, newer, mine), true)).toEqual({ keep: undefined, close: ['7', '5'] });
  });

  it('completed copies are left alone; a deal without tasks has nothing to settle', () => {
    const done = task('3', GATE, '2026-11-01T10:00:00Z', 'COMPLETED');
    expect(settleGateTasks('101', linksOf(['3', '5']), byId(done, newer), false)).toEqual({ keep: '5', close: [] });
    expect(settleGateTasks('101', new Map(), new Map(), false)).toEqual({ keep: undefined, close: [] });
  });
});
