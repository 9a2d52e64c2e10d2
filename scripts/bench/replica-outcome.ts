import type { Sandbox } from '@throughline/sandbox';
import { CUSTOMER_STATUS_PROPERTIES as CS, GATE_PROPERTIES as G } from '../../src/model/well-known-properties';
import { seedCompany, seedContract, type Names } from '../lib/seed';
import type { GateBatch } from './gate-fixtures';

/**
 * What the portal holds after a run, read from the stand-in's own store: were the deals decided
 * right, was any decision lost, was anything made twice (counted by key, whatever its status).
 */
export interface Outcome {
  /** Blocked back in Contract Sent with exactly one open gate task; passing ones passed with none. */
  right: number;
  wrong: string[];
  /** Deals still in Closed Won without a pass: the gate never decided them. */
  lost: number;
  duplicates: { tasks: number; reminders: number; statuses: number };
  reminders: { keys: number; open: number };
}

const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
const extra = (map: Map<string, number>) => [...map.values()].reduce((n, c) => n + Math.max(0, c - 1), 0);

export function readOutcome(sandbox: Sandbox, names: Names, batch: GateBatch): Outcome {
  const tasksByDeal = new Map<string, number>();
  const openByDeal = new Map<string, number>();
  const remindersByKey = new Map<string, number>();
  let openReminders = 0;
  for (const t of sandbox.listObjects('tasks')) {
    const body = t.properties.hs_task_body ?? '';
    const open = t.properties.hs_task_status !== 'COMPLETED';
    const deal = / Deal (\d+)\.<\/p>$/.exec(body)?.[1];
    if (deal) {
      count(tasksByDeal, deal);
      if (open) count(openByDeal, deal);
    }
    const key = /reminder-key:(\S+?)</.exec(body)?.[1];
    if (key) {
      count(remindersByKey, key);
      if (open) openReminders++;
    }
  }
  const statusesByTitle = new Map<string, number>();
  for (const s of sandbox.listObjects(names.customerStatus)) if (!s.archived) count(statusesByTitle, s.properties[CS.title] ?? '');

  const wrong: string[] = [];
  let lost = 0;
  const stateOf = (id: string) => sandbox.getObject('deals', id)?.properties ?? {};
  for (const id of batch.blocked) {
    const p = stateOf(id);
    if (p.dealstage === 'closedwon') lost++;
    if (p.dealstage !== 'contractsent' || p[G.status] !== 'blocked' || openByDeal.get(id) !== 1)
      wrong.push(`blocked deal ${id}: ${p.dealstage}/${p[G.status]}/${openByDeal.get(id) ?? 0} open tasks`);
  }
  for (const id of batch.passing) {
    const p = stateOf(id);
    if (p.dealstage === 'closedwon' && p[G.status] !== 'passed') lost++;
    if (p.dealstage !== 'closedwon' || p[G.status] !== 'passed' || openByDeal.has(id))
      wrong.push(`passing deal ${id}: ${p.dealstage}/${p[G.status]}/${openByDeal.get(id) ?? 0} open tasks`);
  }
  return {
    right: batch.blocked.length + batch.passing.length - wrong.length,
    wrong,
    lost,
    duplicates: { tasks: extra(tasksByDeal), reminders: extra(remindersByKey), statuses: extra(statusesByTitle) },
    reminders: { keys: remindersByKey.size, open: openReminders },
  };
}

/** Contracts each due one renewal reminder today (as test/faults/race-scenarios.ts seeds them). */
export function seedDueRenewals(sandbox: Sandbox, names: Names, contracts: number): void {
  const company = seedCompany(sandbox, 'Replica Renewals');
  const today = new Date().toISOString().slice(0, 10);
  for (let i = 0; i < contracts; i++) {
    const renewal = new Date(Date.parse(`${today}T00:00:00Z`) + (2 + i) * 86_400_000).toISOString().slice(0, 10);
    seedContract(sandbox, names, undefined, company, {
      contract_name: `Replica renewal ${i}`,
      contract_status: 'active',
      renewal_date: renewal,
      auto_renew: 'false',
    });
  }
}

/** Jobs waiting, delayed or running, from a replica's /metrics; undefined if it cannot be read. */
export async function queueBacklog(serviceUrl: string): Promise<{ pending: number; failed: number } | undefined> {
  try {
    const text = await (await fetch(`${serviceUrl}/metrics`)).text();
    const jobs = (state: string) => Number(new RegExp(`throughline_queue_jobs\\{state="${state}"\\} (\\d+)`).exec(text)?.[1] ?? Number.NaN);
    const pending = jobs('waiting') + jobs('delayed') + jobs('active');
    return Number.isNaN(pending) ? undefined : { pending, failed: jobs('failed') };
  } catch {
    return undefined;
  }
}
