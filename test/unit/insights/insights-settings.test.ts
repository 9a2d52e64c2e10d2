import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadModel, objectByRole } from '../../../src/model';
import { problemsOf, removeOverlays, schemasEdited } from '../../fixtures/model/overlay';

afterAll(removeOverlays);

describe('schemas/insights.json and the promises model', () => {
  it('loads with the rest of the model', () => {
    const { insights } = loadModel('schemas');
    expect(insights.handoffReview.delayDays).toBe(14);
    expect(insights.outcomes).toMatchObject({ groupBy: 'dealtype', smallGroupBelow: 5 });
  });

  it('declares the commitment by role, associated with deals and companies, and the change order names its promise', () => {
    const model = loadModel('schemas');
    const commitment = objectByRole(model, 'commitment');
    expect(commitment.name).toBe('deal_commitment');
    expect(commitment.associatedObjects).toEqual(['DEAL', 'COMPANY']);
    expect(objectByRole(model, 'change_order').properties.map((p) => p.name)).toContain('change_order_commitment_id');
  });

  it('fills outcomes left out with the defaults', () => {
    const dir = schemasEdited('insights.json', (json) => {
      delete json.outcomes;
      delete json.handoffReview.delayDays;
    });
    const { insights } = loadModel(dir);
    expect(insights.outcomes).toEqual({ groupBy: 'dealtype', smallGroupBelow: 5, lessonsShown: 3 });
    expect(insights.handoffReview.delayDays).toBe(14);
  });

  it('accepts a deal property as the grouping', () => {
    const dir = schemasEdited('insights.json', (json) => {
      json.outcomes.groupBy = 'handoff_review_belief_matched';
    });
    expect(loadModel(dir).insights.outcomes.groupBy).toBe('handoff_review_belief_matched');
  });

  it('names the file, the JSON path and the fix for values out of range', () => {
    const dir = schemasEdited('insights.json', (json) => {
      json.handoffReview.delayDays = -2;
      json.outcomes.smallGroupBelow = 0;
    });
    const file = join(dir, 'insights.json');
    expect(problemsOf(dir)).toEqual([
      `${file} at $.handoffReview.delayDays: must be at least 0, got -2`,
      `${file} at $.outcomes.smallGroupBelow: must be at least 1, got 0`,
    ]);
  });

  it('refuses answers outside the "Handoff review" group and a grouping that is no deal property', () => {
    const dir = schemasEdited('insights.json', (json) => {
      json.handoffReview.requiredAnswers = ['handoff_review_readiness', 'handoff_why_us'];
      json.outcomes.groupBy = 'deal_size';
    });
    const file = join(dir, 'insights.json');
    const deals = join(dir, 'deal-properties.json');
    expect(problemsOf(dir)).toEqual([
      `${file} at $.handoffReview.requiredAnswers[1]: "handoff_why_us" is not a property of the deal group "handoff_review" — define it there in ${deals} or fix the name`,
      `${file} at $.outcomes.groupBy: "deal_size" is neither dealtype, pipeline, owner nor a deal property — use one of those, or a property defined in ${deals}`,
    ]);
  });

  it('is required', () => {
    const dir = schemasEdited('insights.json', () => undefined);
    rmSync(join(dir, 'insights.json'));
    expect(problemsOf(dir)).toEqual([`${join(dir, 'insights.json')}: file not found — the data model needs it (restore it from the repository)`]);
  });

  it('refuses a commitment object without a property the code reads', () => {
    const dir = schemasEdited('objects/deal-commitment.json', (json) => {
      json.properties = json.properties.filter((p: { name: string }) => p.name !== 'commitment_scope_decision');
    });
    expect(problemsOf(dir)).toEqual([
      expect.stringMatching(/deal-commitment\.json at \$\.properties: property "commitment_scope_decision" of the commitment object is missing/),
    ]);
  });
});
