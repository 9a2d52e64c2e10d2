import type { CrmGateway } from '../hubspot/crm-gateway';
import type { AssociatedId, CrmRecord } from '../hubspot/types';
import { TASK_MARKER } from './decide';

type Links = ReadonlyMap<string, AssociatedId[]>;

/** Pure: each deal's open close-gate task (by its subject marker) among its tasks. Deal id → task id. */
export function pickOpenGateTasks(links: Links, tasks: ReadonlyMap<string, CrmRecord>): Map<string, string> {
  const found = new Map<string, string>();
  for (const [dealId, ls] of links) {
    const mine = ls
      .map((l) => tasks.get(l.id))
      .find((t) => t && t.properties.hs_task_subject?.startsWith(TASK_MARKER) && t.properties.hs_task_status !== 'COMPLETED');
    if (mine) found.set(dealId, mine.id);
  }
  return found;
}

/** Pure: each deal's note that starts with `heads` (the note's first paragraph). Deal id → note id. */
export function pickWrittenNotes(links: Links, notes: ReadonlyMap<string, CrmRecord>, heads: ReadonlyMap<string, string>): Map<string, string> {
  const written = new Map<string, string>();
  for (const [dealId, head] of heads) {
    const note = (links.get(dealId) ?? []).find((l) => notes.get(l.id)?.properties.hs_note_body?.startsWith(head));
    if (note) written.set(dealId, note.id);
  }
  return written;
}

/** The first paragraph of an override note: it names who set the override and when. */
export const noteHead = (note: string) => note.slice(0, note.indexOf('</p>') + 4);

export const GATE_TASK_PROPERTIES = ['hs_task_subject', 'hs_task_status'];
export const NOTE_PROPERTIES = ['hs_note_body'];

/** The tasks and notes linked to some deals, in two batch calls (none when nothing is linked). */
export async function readLinked(
  gateway: CrmGateway,
  toType: 'tasks' | 'notes',
  dealIds: string[],
): Promise<{ links: Map<string, AssociatedId[]>; records: Map<string, CrmRecord> }> {
  if (!dealIds.length) return { links: new Map(), records: new Map() };
  const links = await gateway.associationsOf('deals', toType, dealIds);
  const ids = [...new Set([...links.values()].flat().map((l) => l.id))];
  const records = ids.length ? await gateway.readMany(toType, ids, toType === 'tasks' ? GATE_TASK_PROPERTIES : NOTE_PROPERTIES) : new Map<string, CrmRecord>();
  return { links, records };
}

/**
 * A previous run (or a create HubSpot applied but did not answer) may have made the task without
 * its id reaching the deal: our own open task among the deal's tasks, so a retry never adds a second.
 */
export async function findOrphanTasks(gateway: CrmGateway, dealIds: string[]): Promise<Map<string, string>> {
  const { links, records } = await readLinked(gateway, 'tasks', dealIds);
  return pickOpenGateTasks(links, records);
}

/**
 * Override notes a previous run wrote before it died (the deal not yet marked passed), or that a
 * create HubSpot applied but did not answer made. Deal id → note id.
 */
export async function findWrittenNotes(gateway: CrmGateway, heads: ReadonlyMap<string, string>): Promise<Map<string, string>> {
  const { links, records } = await readLinked(gateway, 'notes', [...heads.keys()]);
  return pickWrittenNotes(links, records, heads);
}
