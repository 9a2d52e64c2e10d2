import { readStageEntry, revertTarget } from '../../../src/gate/stage-history';
import { gatedStages, ruleForStage } from '../../../src/gate/stage-rules';
import { pipeline, servicesPipeline } from './fixtures';

const h = (value: string, timestamp: string) => ({ value, timestamp, sourceType: 'CRM_UI' });

describe('readStageEntry', () => {
  it('finds when the deal entered its stage and where it came from', () => {
    const e = readStageEntry(
      [h('closedwon', '2026-11-20T10:00:00Z'), h('contractsent', '2026-11-10T10:00:00Z'), h('appointmentscheduled', '2026-11-01T00:00:00Z')],
      'closedwon',
    );
    expect(e.enteredAt).toBe('2026-11-20T10:00:00Z');
    expect(e.earlierStages).toEqual(['contractsent', 'appointmentscheduled']);
  });

  it('sorts history itself and takes the start of the newest run', () => {
    const e = readStageEntry(
      [h('contractsent', '2026-11-10T00:00:00Z'), h('closedwon', '2026-11-20T00:00:00Z'), h('closedwon', '2026-11-21T00:00:00Z')],
      'closedwon',
    );
    expect(e.enteredAt).toBe('2026-11-20T00:00:00Z');
  });

  it('after an earlier revert, the previous stage is the one before the newest entry', () => {
    const e = readStageEntry(
      [
        h('closedwon', '2026-11-21T00:00:00Z'),
        h('contractsent', '2026-11-20T01:00:00Z'),
        h('closedwon', '2026-11-20T00:00:00Z'),
        h('appointmentscheduled', '2026-11-01T00:00:00Z'),
      ],
      'closedwon',
    );
    expect(e.earlierStages[0]).toBe('contractsent');
  });
});

describe('revertTarget', () => {
  const gated = (id: string) => id === 'closedwon';
  it('goes back to the previous stage', () => {
    expect(revertTarget({ enteredAt: 'x', earlierStages: ['contractsent'], enteredBy: undefined }, pipeline, gated)).toBe('contractsent');
  });
  it('a deal created directly in the stage goes to the first open stage', () => {
    expect(revertTarget({ enteredAt: 'x', earlierStages: [], enteredBy: undefined }, pipeline, gated)).toBe('appointmentscheduled');
  });
  it('skips stages of another pipeline and gated stages', () => {
    expect(revertTarget({ enteredAt: 'x', earlierStages: ['svc_proposal', 'closedwon', 'contractsent'], enteredBy: undefined }, pipeline, gated)).toBe(
      'contractsent',
    );
  });
  it('may return to closed lost, where the deal came from', () => {
    expect(revertTarget({ enteredAt: 'x', earlierStages: ['closedlost'], enteredBy: undefined }, pipeline, gated)).toBe('closedlost');
  });
});

describe('rules by stage', () => {
  const star = { pipeline: '*', stage: 'closed_won', name: 'star' };
  const specific = { pipeline: 'services', stage: 'svc_proposal', name: 'specific' };
  it('resolves closed_won from stage metadata in every pipeline, never by id', () => {
    expect(ruleForStage([star], pipeline, 'closedwon')).toBe(star);
    expect(ruleForStage([star], servicesPipeline, 'svc_signed')).toBe(star);
    expect(ruleForStage([star], servicesPipeline, 'svc_lost')).toBeUndefined();
    expect(ruleForStage([star], pipeline, 'contractsent')).toBeUndefined();
  });
  it('a rule naming the pipeline and stage wins over *', () => {
    const pipelineWon = { pipeline: 'services', stage: 'closed_won', name: 'services-won' };
    expect(ruleForStage([star, pipelineWon], servicesPipeline, 'svc_signed')).toBe(pipelineWon);
    expect(ruleForStage([star, specific], servicesPipeline, 'svc_proposal')).toBe(specific);
  });
  it('lists every gated stage across pipelines', () => {
    expect(gatedStages([star, specific], [pipeline, servicesPipeline]).map((g) => `${g.pipelineId}/${g.stageId}`)).toEqual([
      'default/closedwon',
      'services/svc_proposal',
      'services/svc_signed',
    ]);
  });
});
