import { z } from 'zod';
import { adviseDecision, adviceTaskKey } from '../../../src/gate/advise-decision';
import { evaluateGate } from '../../../src/gate/evaluate';
import { checkRulePlaybookUnits, playbookUnitItems, playbookUnitsField } from '../../../src/gate/playbook-rule';
import { isEnforcedStage, modeForStage, ruleModeAt, ruleModeField } from '../../../src/gate/rule-mode';
import { presaleLabels } from '../../../src/presale';
import { facts, model, pipelines, scope } from '../presale/fixtures';
import { rule } from './fixtures';

const [sales] = pipelines as [(typeof pipelines)[0]];
const stageOf = (id: string) => sales.stages.find((s) => s.id === id);

describe('rule mode', () => {
  it('defaults: closed won enforces, earlier stages advise; a rule’s own mode wins', () => {
    expect(ruleModeAt({}, stageOf('closedwon'))).toBe('enforce');
    expect(ruleModeAt({}, stageOf('presentationscheduled'))).toBe('advise');
    expect(ruleModeAt({ mode: 'enforce' }, stageOf('contractsent'))).toBe('enforce');
    expect(ruleModeAt({ mode: 'advise' }, stageOf('closedwon'))).toBe('advise');
  });

  it('per stage, from the rule that governs it; only enforced stages count as gated for reverts', () => {
    const rules = [
      { pipeline: '*', stage: 'closed_won' },
      { pipeline: '*', stage: 'presentationscheduled' },
    ];
    expect(modeForStage(rules, sales, 'presentationscheduled')).toBe('advise');
    expect(modeForStage(rules, sales, 'qualifiedtobuy')).toBeUndefined();
    expect(isEnforcedStage(rules, sales, 'closedwon')).toBe(true);
    expect(isEnforcedStage(rules, sales, 'presentationscheduled')).toBe(false);
  });

  it('is validated with words that say what each mode does', () => {
    const schema = z.object({ mode: ruleModeField, playbookUnits: playbookUnitsField });
    expect(schema.parse({})).toEqual({ playbookUnits: [] });
    const bad = schema.safeParse({ mode: 'warn' });
    expect(bad.success ? '' : bad.error.issues[0]!.message).toBe('"warn" is not a mode — use enforce (send the deal back) or advise (checklist and task only)');
  });
});

describe('playbook_units rule kind', () => {
  const labels = presaleLabels(model);

  it('one item per unit, done when its deliverable exists', () => {
    const ctx = facts({ scopes: [scope('501', { feasibility_review_status: 'in_review' })] });
    const items = playbookUnitItems(['feasibility_review'], model.playbooks.units, ctx, labels);
    expect(items).toEqual([
      {
        key: 'unit.feasibility_review',
        kind: 'playbook_unit',
        label: 'Delivery feasibility review done',
        passed: false,
        fix: 'Delivery reviews the Scope and answers feasible or feasible with changes, with the timeline they commit to.',
      },
    ]);
    const answered = facts({ scopes: [scope('501', { feasibility_review_status: 'feasible_with_changes' })] });
    expect(playbookUnitItems(['feasibility_review'], model.playbooks.units, answered, labels)[0]!.passed).toBe(true);
  });

  it('the rule’s units must exist in playbooks.json', () => {
    expect(
      checkRulePlaybookUnits([{ playbookUnits: ['feasibility_review'] }, { playbookUnits: ['kickof'] }], model.playbooks, 'schemas/gate-rules.json'),
    ).toEqual([
      {
        file: 'schemas/gate-rules.json',
        path: '$.rules[1].playbookUnits[0]',
        message: '"kickof" is not a unit of schemas/playbooks.json — use one of discovery_notes, scope_draft, feasibility_review, proposal',
      },
    ]);
  });
});

describe('adviseDecision', () => {
  const now = new Date('2026-12-03T10:00:00Z');
  const deal = { id: '123', properties: { dealname: 'Northwind', hubspot_owner_id: '7' }, history: {} };

  it('no revert and no gate status: a task with what is open, keyed by deal and stage', () => {
    const evaluation = evaluateGate(rule, { deal, scopes: [], contracts: [] }, now);
    const d = adviseDecision(deal, 'presentationscheduled', 'Proposal', evaluation, now);
    expect(d).toMatchObject({ action: 'advise', taskKey: 'gate-advice:123:presentationscheduled' });
    expect(d).not.toHaveProperty('revertTo');
    expect(d).not.toHaveProperty('dealProperties');
    expect(d.task?.subject).toBe(`[Throughline stage advice] Northwind: ${d.missing.length} items open in Proposal`);
    expect(d.task?.body).toContain('The deal was not moved back');
    expect(d.task?.ownerId).toBe('7');
  });

  it('nothing open: no task (the I/O completes the one it finds by key)', () => {
    const passed = { status: 'passed' as const, items: [], passedCount: 0, total: 0, evaluatedAt: now.toISOString() };
    expect(adviseDecision(deal, 'x', 'Proposal', passed, now).task).toBeNull();
    expect(adviceTaskKey('1', 'x')).toBe('gate-advice:1:x');
  });
});
