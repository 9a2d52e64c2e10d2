import type { CompanyCardData } from './card-data';
import { renderAccountTotalsText, renderEngagementDeliveryText } from './render-delivery-text';

const or = (v: string | number | null | undefined, dash = '—') => (v === null || v === undefined || v === '' ? dash : String(v));

/** The company card as plain text, from the same JSON the card renders (`npm run card -- company:ID`). */
export function renderCompanyCardText(card: CompanyCardData): string {
  const out: string[] = [`┌ Company card — ${card.company.name} (today ${card.today})`];
  const s = card.customerStatus;
  out.push(
    `│ Customer status: ${s ? `${or(s.statusLabel ?? s.status)}${s.reason ? ` — ${s.reason}` : ''}${s.since ? ` (since ${s.since})` : ''}` : 'not started'}`,
  );
  for (const h of s?.history ?? []) out.push(`│   ${h.at.slice(0, 10)} ${h.statusLabel} (by ${h.by})`);
  out.push(`│ Engagements (${card.engagements.length})`);
  for (const e of card.engagements) {
    const scope = e.scope ? `scope “${e.scope.name}” ${or(e.scope.statusLabel)}${e.scope.approved ? ', approved' : ''}` : 'no scope';
    const contract = e.contract ? `contract “${e.contract.name}” ${or(e.contract.statusLabel)}, renews ${or(e.contract.renewalDate)}` : 'no contract';
    out.push(`│   ${e.dealName} (deal ${e.dealId}, ${or(e.stage)}) — gate ${e.gateStatus}; ${scope}; ${contract}${renderEngagementDeliveryText(e.delivery)}`);
  }
  if (card.accountTotals) out.push(renderAccountTotalsText(card.accountTotals));
  const n = card.nextRenewal;
  out.push(
    `│ Next renewal: ${n ? `${n.date} (in ${n.daysToRenewal} days), ${n.contractName}${n.autoRenew ? `, auto-renews${n.noticeDeadline ? `, cancel by ${n.noticeDeadline}` : ''}` : ''}` : 'none'}`,
  );
  out.push(`└ Open renewal tasks: ${card.renewalTasks.length ? '' : 'none'}`);
  for (const t of card.renewalTasks) out.push(`    ${or(t.dueDate)} ${t.subject} (owner ${or(t.ownerId)})`);
  return out.join('\n');
}
