import { decideGate } from '../../../src/gate/decide';
import { evaluateGate } from '../../../src/gate/evaluate';
import type { DealEvaluation } from '../../../src/gate/gate-service';
import { renderEvaluation } from '../../../src/gate/render-evaluation';
import { ruleForStage } from '../../../src/gate/stage-rules';
import { approvedScope, dealRecord, pipeline, rule } from './fixtures';

const now = new Date('2026-11-21T10:00:00Z');
const isGated = (id: string) => !!ruleForStage([rule], pipeline, id);

function evaluation(stage: string): DealEvaluation {
  const deal = dealRecord({ dealstage: stage }, [
    [stage, '2026-11-20T10:00:00Z'],
    ['contractsent', '2026-11-10T00:00:00Z'],
  ]);
  const loaded = { deal, scopes: [approvedScope], contracts: [] };
  const gated = ruleForStage([rule], pipeline, stage);
  const decision = decideGate({ ...loaded, pipeline, rule: gated, isGated }, now);
  return { loaded, pipeline, decision, rule, evaluation: decision.action === 'skip' ? evaluateGate(rule, loaded, now) : decision.evaluation };
}

describe('renderEvaluation (npm run gate)', () => {
  it('counts a missing contract once and lists the fields it needs under it', () => {
    const text = renderEvaluation(evaluation('closedwon'));
    expect(text).toContain('1 item missing');
    expect(text.match(/Add a Service contract/g)).toHaveLength(1);
    expect(text).toContain(
      'To do:\n  1. Add a Service contract to this deal (the “Add service contract” button on the deal card).\n       – Start date\n       – Term (months)',
    );
    expect(text).toContain('The gate would send it back to Contract sent.');
  });

  it('speaks in stage labels, never the rule’s stage ids', () => {
    const text = renderEvaluation(evaluation('contractsent'));
    expect(text).toContain('stage Contract sent');
    expect(text).toContain('Gate on moving to Closed won: BLOCKED');
    expect(text).not.toMatch(/closed_won|closedwon|contractsent/);
  });
});
