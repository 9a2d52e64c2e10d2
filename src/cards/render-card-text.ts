import type { DealCardData } from './card-data';
import { renderDeliveryText } from './render-delivery-text';
import { promiseSectionLines } from './render-promise-sections-text';

const STATUS = { passed: 'PASSED', blocked: 'BLOCKED', overridden: 'OVERRIDDEN', not_checked: 'NOT CHECKED' } as const;
const or = (v: string | number | null | undefined, dash = '—') => (v === null || v === undefined || v === '' ? dash : String(v));

/** The deal card as plain text: the same JSON the card renders, for the demo and the terminal. */
export function renderDealCardText(card: DealCardData): string {
  const out: string[] = [];
  out.push(`┌ Deal card — ${card.deal.name} (${or(card.deal.pipeline)} › ${or(card.deal.stage)})`);
  if (card.delivery) out.push(...renderDeliveryText(card.delivery));
  const missing = card.gate.status === 'passed' ? [] : card.gate.missing;
  out.push(
    `│ Close gate: ${STATUS[card.gate.status]} · ${card.gate.passedCount} of ${card.gate.total} checks done` +
      `${missing.length ? ` · ${missing.length} item${missing.length === 1 ? '' : 's'} missing` : ''}${card.gate.checkedAtText ? ` · checked ${card.gate.checkedAtText}` : ''}`,
  );
  for (const i of card.gate.items) out.push(`│   ${i.passed ? '✓' : '✗'} ${i.label}`);
  if (missing.length) out.push('│   To do:');
  missing.forEach((g, n) => out.push(`│   ${n + 1}. ${g.action}${g.needs.length ? `\n│        it needs: ${g.needs.join(', ')}` : ''}`));
  if (card.gate.overrideReason) out.push(`│   Override reason: ${card.gate.overrideReason}`);
  out.push('│ Delivery handoff');
  for (const f of card.handoff) out.push(`│   ${f.label}: ${or(f.value, '(empty)')}`);
  if (card.scope) {
    const s = card.scope;
    out.push(`│ Scope “${s.name}” — ${or(s.status)}${s.approved ? ', approved by delivery' : ', NOT approved by delivery'}`);
    out.push(`│   Deliverables: ${or(s.deliverables).replace(/\n/g, '; ')}`);
    out.push(`│   In scope: ${or(s.inScope)} · Out of scope: ${or(s.outOfScope)}`);
    for (const c of s.comparisons) out.push(`│   ${c.label}: proposal ${or(c.proposal)} vs delivery ${or(c.delivery)}${c.differs ? '  ⚠ differs' : ''}`);
    if (s.discrepancyResolution) out.push(`│   Resolution: ${s.discrepancyResolution}`);
  } else out.push(`│ Scope: none yet (${card.buttons.addScope})`);
  if (card.contract) {
    const c = card.contract;
    out.push(`│ Contract “${c.name}” — ${or(c.status)}, ${or(c.termMonths)} months from ${or(c.startDate)}, value ${or(c.valueText)}`);
    out.push(
      `│   Renews ${or(c.renewalDate)}${c.daysToRenewal !== null ? ` (in ${c.daysToRenewal} days)` : ''} · auto-renew ${c.autoRenew ? 'yes' : 'no'}${c.noticeDeadline ? ` · cancel by ${c.noticeDeadline}` : ''}`,
    );
  } else out.push(`│ Contract: none yet (${card.buttons.addContract})`);
  out.push(...promiseSectionLines(card));
  out.push(
    `└ Customer status: ${card.customerStatus ? `${or(card.customerStatus.status)}${card.customerStatus.reason ? ` — ${card.customerStatus.reason}` : ''}` : 'not started'}`,
  );
  return out.join('\n');
}
