import { keepOldest } from '../../src/tasks/keep-oldest';

describe('keepOldest: which copy of a raced key stays', () => {
  it('keeps the oldest open copy and closes the other open ones, whatever order they are found in', () => {
    const copies = [
      { id: '30', createdAt: '2026-11-21T10:00:00.200Z', open: true },
      { id: '12', createdAt: '2026-11-21T10:00:00.100Z', open: true },
      { id: '40', createdAt: '2026-11-21T10:00:00.300Z', open: true },
    ];
    expect(keepOldest(copies)).toEqual({ keep: '12', close: ['30', '40'] });
    expect(keepOldest([...copies].reverse())).toEqual({ keep: '12', close: ['30', '40'] });
  });

  it('breaks a tie of creation times by the smaller id, so two racers still agree', () => {
    const at = '2026-11-21T10:00:00.000Z';
    expect(
      keepOldest([
        { id: '9', createdAt: at, open: true },
        { id: '10', createdAt: at, open: true },
      ]),
    ).toEqual({ keep: '9', close: ['10'] });
  });

  it('leaves completed copies alone, and says nothing to close for a single copy', () => {
    expect(
      keepOldest([
        { id: '1', createdAt: '2026-01-01T00:00:00Z', open: false },
        { id: '2', createdAt: '2026-02-01T00:00:00Z', open: true },
      ]),
    ).toEqual({ keep: '2', close: [] });
    expect(
      keepOldest([
        { id: '2', open: true },
        { id: '2', open: true },
      ]),
    ).toEqual({ keep: '2', close: [] });
    expect(keepOldest([])).toEqual({ keep: undefined, close: [] });
  });
});
