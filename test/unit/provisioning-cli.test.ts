import { loadModel, ModelError } from '../../src/model';
import { runProvisionCli, type Plan, type ProvisionCliDeps } from '../../src/provisioning';
import { fakeGateway } from '../fixtures/model/fake-gateway';
import { freshPortal, portalState } from '../fixtures/model/portal-state';

const model = loadModel('schemas');

function cli(state = freshPortal(model), overrides: Partial<ProvisionCliDeps> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const gateway = fakeGateway(state);
  const asked: string[] = [];
  const deps: ProvisionCliDeps = {
    loadModel: () => model,
    gateway: () => gateway,
    stdout: (t) => void out.push(t),
    stderr: (t) => void err.push(t),
    confirm: async (q) => (asked.push(q), true),
    interactive: true,
    color: false,
    ...overrides,
  };
  return { run: (...argv: string[]) => runProvisionCli(argv, deps), out: () => out.join(''), err: () => err.join(''), gateway, asked };
}

describe('runProvisionCli', () => {
  it.each([[[]], [['destroy']], [['plan', '--prune']], [['plan', 'extra']], [['apply', '--json']]])('exits 2 with usage for %j', async (argv) => {
    const c = cli();
    expect(await c.run(...argv)).toBe(2);
    expect(c.err()).toContain('Usage: npm run provision -- plan|apply [--yes] [--json]');
    expect(c.gateway.writes).toEqual([]);
  });

  it('exits 2 when schemas/ is invalid, before any call', async () => {
    const c = cli(undefined, {
      loadModel: () => {
        throw new ModelError([{ file: 'schemas/renewals.json', path: '$.leadDays', message: 'needs at least 1 item(s)' }]);
      },
      gateway: () => {
        throw new Error('no call expected');
      },
    });
    expect(await c.run('plan')).toBe(2);
    expect(c.err()).toContain(
      'schemas/renewals.json at $.leadDays: needs at least 1 item(s)\nFix the files above and run again; nothing was changed in HubSpot.',
    );
  });

  it('plan prints the plan and writes nothing', async () => {
    const c = cli();
    expect(await c.run('plan')).toBe(0);
    expect(c.out()).toMatch(/Plan: \d+ to create, 0 to update, 0 conflicts, 0 drift \(left alone\)\.\n$/);
    expect(c.gateway.writes).toEqual([]);
  });

  it('plan --json prints the plan as JSON', async () => {
    const c = cli();
    expect(await c.run('plan', '--json')).toBe(0);
    const plan = JSON.parse(c.out()) as Plan;
    expect(plan.summary.create).toBeGreaterThan(0);
    expect(plan.changes[0]).toMatchObject({ kind: 'create', target: { type: 'object' }, action: { op: 'createObject' } });
  });

  it('apply asks first, and applies on yes', async () => {
    const c = cli();
    expect(await c.run('apply')).toBe(0);
    expect(c.asked).toEqual(['\nApply these changes? (yes/no) ']);
    expect(c.gateway.writes.length).toBeGreaterThan(0);
    expect(c.out()).toContain('Apply complete:');
  });

  it('apply does nothing when the answer is not yes', async () => {
    const c = cli(undefined, { confirm: async () => false });
    expect(await c.run('apply')).toBe(1);
    expect(c.err()).toContain('Apply cancelled; nothing was changed.');
    expect(c.gateway.writes).toEqual([]);
  });

  it('apply refuses to run unattended without --yes', async () => {
    const c = cli(undefined, { interactive: false });
    expect(await c.run('apply')).toBe(2);
    expect(c.err()).toContain('stdin is not a terminal. Run with --yes');
    expect(c.gateway.writes).toEqual([]);
  });

  it('apply --yes --json prints plan and summary as JSON, progress on stderr', async () => {
    const c = cli();
    expect(await c.run('apply', '--yes', '--json')).toBe(0);
    const { plan, summary } = JSON.parse(c.out()) as { plan: Plan; summary: { created: number } };
    expect(summary.created).toBe(plan.summary.create);
    expect(c.err()).toContain('  + created object');
  });

  it('applies the safe changes but exits 1 when there are conflicts', async () => {
    const state = portalState(model);
    state.deals.properties.find((p) => p.name === 'gate_status')!.type = 'string';
    state.deals.properties.find((p) => p.name === 'handoff_risks')!.label = 'Old';
    const c = cli(state);
    expect(await c.run('apply', '--yes')).toBe(1);
    expect(c.gateway.writes).toEqual(['updateProperty deals.handoff_risks']);
    expect(c.out()).toContain('1 conflict(s) and 0 drift left alone.');
  });

  it('a provisioned portal: nothing to apply, no question asked', async () => {
    const c = cli(portalState(model));
    expect(await c.run('apply')).toBe(0);
    expect(c.asked).toEqual([]);
    expect(c.out()).toContain('Nothing to apply');
  });
});
