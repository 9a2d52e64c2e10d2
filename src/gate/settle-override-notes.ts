import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import { keepOldest } from '../tasks/keep-oldest';
import { TASK_MARKER } from './decide';
import { noteHead, readLinked } from './find-gate-writes';

const OVERRIDE_NOTE_START = `<p>${TASK_MARKER} Close gate overridden`;

/**
 * Pure: the second copies of a deal's override notes. Each override has one note, and its first
 * paragraph (who set the override, and when, from the deal's own history) is the same whoever
 * wrote it: two processes that passed the deal at once wrote two notes with one head. The oldest
 * of each head stays (every racer picks the same, see keep-oldest.ts); the others are returned.
 */
export function secondOverrideNotes(dealId: string, links: ReadonlyMap<string, AssociatedId[]>, notes: ReadonlyMap<string, CrmRecord>): string[] {
  const byHead = new Map<string, CrmRecord[]>();
  for (const l of links.get(dealId) ?? []) {
    const note = notes.get(l.id);
    const body = note?.properties.hs_note_body ?? '';
    if (!note || !body.startsWith(OVERRIDE_NOTE_START)) continue;
    byHead.set(noteHead(body), [...(byHead.get(noteHead(body)) ?? []), note]);
  }
  return [...byHead.values()].flatMap((copies) => keepOldest(copies.map((n) => ({ id: n.id, createdAt: n.createdAt, open: true }))).close);
}

/**
 * The sweep's convergence step for deals passed lately by an override: their notes are read and
 * every second copy of an override note goes to HubSpot's recycle bin (a note cannot be closed; an
 * archived one can be restored). Two reads, and one archive only when some deal had a copy.
 */
export async function settleOverrideNotes(gateway: CrmGateway, dealIds: string[]): Promise<number> {
  const { links, records: notes } = await readLinked(gateway, 'notes', dealIds);
  const second = [...new Set(dealIds.flatMap((id) => secondOverrideNotes(id, links, notes)))];
  if (second.length) await gateway.archiveMany('notes', second);
  return second.length;
}
