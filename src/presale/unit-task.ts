import type { CalendarDate } from '../dates/calendar';
import { deliverableWords } from './deliverable-words';
import type { PlannedUnit } from './playbook-units';
import type { PresaleLabels } from './presale-labels';
import { PLAYBOOK_MARKER, unitKeyLine } from './unit-key';

export interface UnitTaskDraft {
  /** The unit key: the create's objectWriteTraceId, and what finds the task again. */
  key: string;
  subject: string;
  body: string;
  ownerId: string | null;
  /** Due at 09:00 in the portal's time zone on this day (atLocalTime). */
  dueDate: CalendarDate;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The task a unit becomes: what to do, what counts as done, and that Throughline ticks it then. */
export function unitTaskDraft(unit: PlannedUnit, dealName: string, stageLabel: string, labels: PresaleLabels): UnitTaskDraft {
  const done = deliverableWords(unit.deliverable, labels);
  const fallback =
    unit.ownerSource === 'deal_owner_fallback'
      ? '<p>No delivery lead is set for this company or in schemas/playbooks.json, so this task went to the deal owner: pass it to delivery.</p>'
      : '';
  return {
    key: unit.key,
    subject: `${PLAYBOOK_MARKER} ${dealName}: ${unit.title}`,
    body:
      `<p>${esc(dealName)} entered ${esc(stageLabel)}. ${esc(unit.howToFinish ?? `Get this done: ${done}.`)}</p>` +
      `<p>Done when: ${esc(done)}. Throughline ticks this task when it is there; ticking it by hand does not make it done.</p>` +
      fallback +
      `<p style="color:#999">${unitKeyLine(unit.key)}</p>`,
    ownerId: unit.ownerId,
    dueDate: unit.dueDate,
  };
}
