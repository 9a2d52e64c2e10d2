import { checkRuleStages } from '../../../src/gate/check-rule-stages';
import { pipeline, servicesPipeline } from './fixtures';

const FILE = 'schemas/gate-rules.json';

describe('checkRuleStages', () => {
  it('accepts closed_won (resolved from pipeline metadata) and stage ids that exist', () => {
    expect(
      checkRuleStages(
        [
          { pipeline: '*', stage: 'closed_won' },
          { pipeline: 'services', stage: 'svc_signed' },
        ],
        [pipeline, servicesPipeline],
        FILE,
      ),
    ).toEqual([]);
  });

  it('refuses a misspelt stage, naming the file, the JSON path and the stages that exist with their labels', () => {
    const problems = checkRuleStages(
      [
        { pipeline: '*', stage: 'closed_won' },
        { pipeline: '*', stage: 'closed_wonn' },
      ],
      [pipeline],
      FILE,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: FILE, path: '$.rules[1].stage' });
    expect(problems[0]!.message).toContain('"closed_wonn" is not a stage of any deal pipeline');
    expect(problems[0]!.message).toContain('use closed_won');
    for (const s of pipeline.stages) expect(problems[0]!.message).toContain(`${s.id} (${s.label})`);
  });

  it('checks a stage against the pipeline the rule names, not every pipeline', () => {
    const problems = checkRuleStages([{ pipeline: 'services', stage: 'closedwon' }], [pipeline, servicesPipeline], FILE);
    expect(problems.map((p) => p.path)).toEqual(['$.rules[0].stage']);
    expect(problems[0]!.message).toContain(`pipeline services (${servicesPipeline.label})`);
    expect(problems[0]!.message).not.toContain('contractsent');
  });

  it('refuses an unknown pipeline, listing the pipelines there are', () => {
    const problems = checkRuleStages([{ pipeline: 'servces', stage: 'closed_won' }], [pipeline, servicesPipeline], FILE);
    expect(problems).toEqual([
      {
        file: FILE,
        path: '$.rules[0].pipeline',
        message: expect.stringContaining(`use * or one of: ${pipeline.id} (${pipeline.label}), services (${servicesPipeline.label})`),
      },
    ]);
  });

  it('refuses closed_won where no pipeline has a won stage', () => {
    const noWin = { ...pipeline, stages: pipeline.stages.filter((s) => !(s.isClosed && s.probability === 1)) };
    expect(checkRuleStages([{ pipeline: '*', stage: 'closed_won' }], [noWin], FILE)[0]!.message).toMatch(/has no closed-won stage/);
  });
});
