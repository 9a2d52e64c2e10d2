import { decideGate, TASK_MARKER, type DealGateInput } from '../../../src/gate/decide';
import { ruleForStage } from '../../../src/gate/stage-rules';
import { approvedScope, completeContract, dealRecord, pipeline, rule } from './fixtures';

const now = new Date('2026-11-21T10:00:00Z');
const isGated = (id: string) => !!ruleForStage([rule], pipeline, id);

function input(
  deal = dealRecord({ dealstage: 'closedwon' }, [
    ['closedwon', '2026-11-20T10:00:00Z'],
    ['contractsent', '2026-11-10T00:00:00Z'],
  ]),
  over: Partial<DealGateInput> = {},
): DealGateInput {
  return { deal, pipeline, rule, isGated, scopes: [approvedScope], contracts: [completeContract], ...over };
}

describe('decideGate', () => {
  it('blocks an incomplete deal: back to the previous stage, status, missing list, one task for the owner', () => {
    const d = decideGate(input(undefined, { scopes: [] }), now);
    if (d.action !== 'block') throw new Error(`expected block, got ${d.action}`);
    expect(d.revertTo).toBe('contractsent');
    expect(d.dealProperties).toMatchObject({ dealstage: 'contractsent', gate_status: 'blocked', gate_checked_at: now.toISOString() });
    expect(d.dealProperties.gate_missing_items).toContain('Add a Scope to this deal');
    expect(d.task.ownerId).toBe('7001');
    expect(d.task.subject.startsWith(TASK_MARKER)).toBe(true);
    expect(d.task.subject).toContain('before Closed won');
    expect(d.task.body).toContain('<li>Add a Scope to this deal');
    expect(d.existingTaskId).toBeUndefined();
  });

  it('counts and lists what to do by action: a missing contract is one item, its fields listed under it', () => {
    const d = decideGate(input(undefined, { contracts: [] }), now);
    if (d.action !== 'block') throw new Error(`expected block, got ${d.action}`);
    expect(d.task.subject).toBe(`${TASK_MARKER} Acme website rebuild: 1 item missing before Closed won`);
    expect(d.task.body).toContain('sent back to Contract sent');
    expect(d.task.body.match(/Add a Service contract/g)).toHaveLength(1);
    expect(d.task.body).toContain('<li>Add a Service contract to this deal (the “Add service contract” button on the deal card).<ul><li>Start date</li>');
    expect(d.dealProperties.gate_missing_items!.split('\n')).toEqual([
      'Add a Service contract to this deal (the “Add service contract” button on the deal card). — with Start date, Term (months), Renewal date, Auto-renew, Notice period (days)',
    ]);
    expect(d).toMatchObject({ dealName: 'Acme website rebuild', stageLabel: 'Closed won', revertToLabel: 'Contract sent' });
  });

  it('a second blocked attempt points at the existing task', () => {
    const deal = dealRecord({ dealstage: 'closedwon', gate_status: 'blocked', gate_task_id: '9001' }, [
      ['closedwon', '2026-11-21T09:00:00Z'],
      ['contractsent', '2026-11-20T11:00:00Z'],
    ]);
    const d = decideGate(input(deal, { scopes: [] }), now);
    expect(d).toMatchObject({ action: 'block', existingTaskId: '9001' });
  });

  it('passes a complete deal and activates its draft contract', () => {
    const d = decideGate(input(), now);
    expect(d).toMatchObject({ action: 'pass', dealProperties: { gate_status: 'passed', gate_missing_items: '' }, contractIdsToActivate: ['401'] });
  });

  it('never touches a deal that entered the stage before enforcedSince', () => {
    const deal = dealRecord({ dealstage: 'closedwon' }, [['closedwon', '2026-10-01T00:00:00Z']]);
    expect(decideGate(input(deal, { scopes: [] }), now)).toEqual({ action: 'skip', dealId: '101', reason: 'before_enforced_since' });
  });

  it('skips deals in stages no rule gates', () => {
    const deal = dealRecord({ dealstage: 'contractsent' }, [['contractsent', '2026-11-20T00:00:00Z']]);
    expect(decideGate(input(deal, { rule: undefined }), now)).toMatchObject({ action: 'skip', reason: 'not_gated' });
  });

  it('a deal already passed since it entered the stage is not decided again (duplicate events)', () => {
    const deal = dealRecord({ dealstage: 'closedwon', gate_status: 'passed', gate_checked_at: '2026-11-20T10:00:05Z' }, [
      ['closedwon', '2026-11-20T10:00:00Z'],
    ]);
    expect(decideGate(input(deal, { scopes: [] }), now)).toMatchObject({ action: 'skip', reason: 'already_passed' });
  });

  it('a deal that left and re-entered the stage after passing is decided again', () => {
    const deal = dealRecord({ dealstage: 'closedwon', gate_status: 'passed', gate_checked_at: '2026-11-19T00:00:00Z' }, [
      ['closedwon', '2026-11-20T10:00:00Z'],
      ['contractsent', '2026-11-19T12:00:00Z'],
    ]);
    expect(decideGate(input(deal, { scopes: [] }), now).action).toBe('block');
  });

  it('an override with a reason passes and writes a note naming who set it and when', () => {
    const deal = dealRecord({ dealstage: 'closedwon', gate_override: 'true', gate_override_reason: 'Signed under NDA; scope Monday' }, [
      ['closedwon', '2026-11-20T10:00:00Z'],
    ]);
    deal.history.gate_override = [{ value: 'true', timestamp: '2026-11-20T09:59:00Z', sourceType: 'CRM_UI', sourceId: 'userId:55', updatedByUserId: 55 }];
    const d = decideGate(input(deal, { scopes: [] }), now);
    if (d.action !== 'pass') throw new Error('expected pass');
    expect(d.dealProperties.gate_status).toBe('overridden');
    expect(d.overrideNote).toContain('user 55');
    expect(d.overrideNote).toContain('20 Nov 2026, 09:59 UTC');
    expect(d.overrideNote).toContain('Signed under NDA; scope Monday');
    expect(d.overrideNote).toContain('Add a Scope');
  });

  it('an override note names the owner behind the user id, at a time in the portal’s zone', () => {
    const deal = dealRecord({ dealstage: 'closedwon', gate_override: 'true', gate_override_reason: 'Signed under NDA' }, [
      ['closedwon', '2026-11-20T10:00:00Z'],
    ]);
    deal.history.gate_override = [{ value: 'true', timestamp: '2026-11-20T09:59:00Z', sourceType: 'CRM_UI', sourceId: 'userId:55', updatedByUserId: 55 }];
    const words = { timeZone: 'Europe/Berlin', userNames: new Map([[55, 'Priya Shah']]) };
    const d = decideGate(input(deal, { scopes: [], words }), now);
    if (d.action !== 'pass') throw new Error('expected pass');
    expect(d.overrideNote).toContain('Close gate overridden by Priya Shah (set 20 Nov 2026, 10:59 CET).');
    expect(d.overrideNote).not.toContain('user 55');
  });

  it('uses the creation time when the deal has no stage history', () => {
    const deal = dealRecord({ dealstage: 'closedwon' }, [], { createdAt: '2026-01-01T00:00:00Z' });
    expect(decideGate(input(deal, { scopes: [] }), now)).toMatchObject({ action: 'skip', reason: 'before_enforced_since' });
  });
});
