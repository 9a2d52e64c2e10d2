import { describeTarget, sectionOf } from './describe-target';
import type { Change, ChangeKind, Plan, PlanSummary } from './plan-types';

const SYMBOL: Record<ChangeKind, string> = { create: '+', update: '~', conflict: '!', drift: '?', noop: ' ' };
const COLOUR: Record<ChangeKind, string> = { create: '32', update: '33', conflict: '31', drift: '36', noop: '2' };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(s: PlanSummary): string {
  return `Plan: ${s.create} to create, ${s.update} to update, ${plural(s.conflict, 'conflict')}, ${s.drift} drift (left alone).`;
}

export interface RenderOptions {
  /** ANSI colours; only when writing to a terminal. */
  color?: boolean;
}

/** Like `terraform plan`: grouped by object, `+ ~ ! ?` per change, unchanged items counted, a summary line. */
export function renderPlan(plan: Plan, options: RenderOptions = {}): string {
  const paint = (kind: ChangeKind, s: string) => (options.color ? `\u001b[${COLOUR[kind]}m${s}\u001b[0m` : s);
  const sections = new Map<string, Change[]>();
  for (const c of plan.changes) {
    const name = sectionOf(c.target);
    sections.set(name, [...(sections.get(name) ?? []), c]);
  }
  const lines: string[] = [];
  for (const [name, changes] of sections) {
    const shown = changes.filter((c) => c.kind !== 'noop');
    const unchanged = changes.length - shown.length;
    const note = shown.length === 0 ? ' — no changes' : '';
    lines.push(`${name}${note}${unchanged ? ` (${unchanged} unchanged)` : ''}`);
    for (const c of shown) {
      lines.push(paint(c.kind, `  ${SYMBOL[c.kind]} ${c.kind} ${describeTarget(c.target)}: ${c.reason}`));
      if (c.action?.op === 'createObject') {
        lines.push(`      properties: ${c.action.body.properties.map((p) => p.name).join(', ')}`);
      }
    }
    lines.push('');
  }
  lines.push(summaryLine(plan.summary));
  return `${lines.join('\n')}\n`;
}
