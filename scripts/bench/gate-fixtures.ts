import { APPROVED_SCOPE, COMPLETE_CONTRACT, HANDOFF_COMPLETE, OWNERS, USER, seedCompany, seedContract, seedDeal, seedScope, type Names } from '../lib/seed';
import type { Sandbox } from '@throughline/sandbox';
import { GATE_PROPERTIES as G } from '../../src/model/well-known-properties';

/**
 * A batch of deals a rep has just moved to Closed Won (a user's write, with history, no webhook):
 * half incomplete (the gate must block them), half with the full handoff, an approved scope and a
 * complete contract (the gate must pass them). Fresh deals each time: a deal that passed is skipped
 * when its event comes again, so reusing deals would measure the skip path instead.
 */
export interface GateBatch {
  blocked: string[];
  passing: string[];
  /** Scopes and contracts linked to the batch's deals (for the lower bound). */
  linked: { scopes: number; contracts: number };
}

/** Deal i of repetition `rep` is blocked when (i + rep) is even: exact halves, and a 1-deal batch alternates. */
export function seedGateBatch(sandbox: Sandbox, names: Names, size: number, rep: number, tag: string): GateBatch {
  const batch: GateBatch = { blocked: [], passing: [], linked: { scopes: 0, contracts: 0 } };
  for (let i = 0; i < size; i++) {
    const company = seedCompany(sandbox, `${tag} client ${rep} ${i}`);
    if ((i + rep) % 2 === 0) {
      batch.blocked.push(seedDeal(sandbox, { name: `${tag} incomplete ${rep}.${i}`, companyId: company }));
    } else {
      const id = seedDeal(sandbox, { name: `${tag} ready ${rep}.${i}`, companyId: company, props: HANDOFF_COMPLETE });
      seedScope(sandbox, names, id, company, { ...APPROVED_SCOPE, scope_name: `Scope ${rep}.${i}` });
      seedContract(sandbox, names, id, company, { ...COMPLETE_CONTRACT, contract_name: `Contract ${rep}.${i}` });
      batch.passing.push(id);
      batch.linked.scopes++;
      batch.linked.contracts++;
    }
  }
  for (const id of [...batch.blocked, ...batch.passing]) {
    sandbox.updateObject('deals', id, { dealstage: 'closedwon' }, { actAs: USER(OWNERS.rep) });
  }
  return batch;
}

const per100 = (n: number) => Math.ceil(n / 100);

/**
 * The lower bound for gating a batch, by the service's operation names: one batch read of
 * the deals (with stage history) per 100, one association batch read per linked object type
 * (scope, contract) per 100, one batch read per linked type that has records, one batch update of
 * the deals and one batch task create per 100.
 */
export function gateLowerBound(batch: GateBatch): { total: number; parts: Record<string, number> } {
  const deals = batch.blocked.length + batch.passing.length;
  const parts = {
    'batch read deals': per100(deals),
    'batch read associations deals→scope': per100(deals),
    'batch read associations deals→contract': per100(deals),
    'batch read scope': per100(batch.linked.scopes),
    'batch read contract': per100(batch.linked.contracts),
    'batch update deals': per100(deals),
    'batch create tasks': per100(batch.blocked.length),
  };
  return { total: Object.values(parts).reduce((a, b) => a + b, 0), parts };
}

/** Did every deal end as it should? Blocked: back in Contract Sent with a task; passed: still won. */
export function checkGateOutcome(sandbox: Sandbox, batch: GateBatch): string[] {
  const wrong: string[] = [];
  for (const id of batch.blocked) {
    const p = sandbox.getObject('deals', id)?.properties ?? {};
    const taskId = p[G.taskId];
    const task = taskId ? sandbox.getObject('tasks', taskId) : undefined;
    if (p.dealstage !== 'contractsent' || p[G.status] !== 'blocked' || !task)
      wrong.push(`deal ${id} should be blocked with a task: ${p.dealstage}/${p[G.status]}/${p[G.taskId] ?? 'no task'}`);
  }
  for (const id of batch.passing) {
    const p = sandbox.getObject('deals', id)?.properties ?? {};
    if (p.dealstage !== 'closedwon' || p[G.status] !== 'passed') wrong.push(`deal ${id} should have passed: ${p.dealstage}/${p[G.status]}`);
  }
  return wrong;
}
