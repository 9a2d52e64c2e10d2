import { secondOverrideNotes } from '../../../src/gate/settle-override-notes';
import type { AssociatedId, CrmRecord } from '../../../src/hubspot/types';

const HEAD = '<p>[Throughline close gate] Close gate overridden by Ada Lovelace (set 1 Dec 2026, 10:00).</p>';
const note = (id: string, body: string, createdAt: string): CrmRecord => ({ id, properties: { hs_note_body: body }, history: {}, createdAt });
const linksOf = (ids: string[]) => new Map<string, AssociatedId[]>([['101', ids.map((id) => ({ id, typeIds: [214], labels: [] }))]]);
const byId = (...notes: CrmRecord[]) => new Map(notes.map((n) => [n.id, n]));

describe('secondOverrideNotes: one note per override, whoever wrote the copies', () => {
  const first = note('7', `${HEAD}<p>Reason: CEO signed off</p>`, '2026-12-01T10:00:00Z');
  const copy = note('5', `${HEAD}<p>Reason: CEO signed off</p>`, '2026-12-01T10:00:01Z');

  it('returns the later copies of one head, in any order the links come', () => {
    expect(secondOverrideNotes('101', linksOf(['5', '7']), byId(first, copy))).toEqual(['5']);
    expect(secondOverrideNotes('101', linksOf(['7', '5']), byId(copy, first))).toEqual(['5']);
  });

  it('keeps a later override (another head) and notes that are not the gate’s', () => {
    const later = note('9', '<p>[Throughline close gate] Close gate overridden by Ada Lovelace (set 3 Dec 2026, 09:00).</p>', '2026-12-03T09:00:00Z');
    const rep = note('11', `<p>Call notes</p>${HEAD}`, '2026-12-01T09:00:00Z');
    expect(secondOverrideNotes('101', linksOf(['7', '9', '11']), byId(first, later, rep))).toEqual([]);
  });

  it('a deal without notes has nothing to archive', () => {
    expect(secondOverrideNotes('101', new Map(), new Map())).toEqual([]);
  });
});
