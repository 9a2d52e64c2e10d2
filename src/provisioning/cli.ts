import type { Model } from '../model';
import { ModelError } from '../model';
import { assertModelStages } from '../gate/check-rule-stages';
import { applyPlan, type ApplyOutcome, type ApplySummary } from './apply-plan';
import { parseCliArgs } from './cli-args';
import { describeFailure } from './describe-failure';
import { describeTarget } from './describe-target';
import { renderWebhookNextSteps } from './next-steps';
import type { ProvisioningGateway } from './gateway';
import type { Change, Plan } from './plan-types';
import { planProvisioning } from './plan';
import { readPortal } from './read-portal';
import { renderPlan } from './render-plan';

export interface ProvisionCliDeps {
  loadModel: () => Model;
  gateway: () => ProvisioningGateway;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  confirm: (question: string) => Promise<boolean>;
  /** stdin is a terminal, so a question can be answered. */
  interactive: boolean;
  color: boolean;
}

const PROGRESS: Record<ApplyOutcome, string> = { created: '+ created', updated: '~ updated', existed: '= already existed:' };

function summaryText(s: ApplySummary): string {
  const left = s.conflicts || s.drift ? ` ${s.conflicts} conflict(s) and ${s.drift} drift left alone.` : '';
  return `Apply complete: ${s.created} created, ${s.updated} updated, ${s.existed} already existed.${left}`;
}

/**
 * `provision plan|apply [--yes] [--json]`. Returns the exit code: 0 done, 1 failed or conflicts
 * (apply still makes every safe change first), 2 usage or configuration.
 */
export async function runProvisionCli(argv: string[], deps: ProvisionCliDeps): Promise<number> {
  const args = parseCliArgs(argv);
  if ('help' in args) {
    deps.stdout(args.help);
    return 0;
  }
  if ('error' in args) {
    deps.stderr(`${args.error}\n`);
    return 2;
  }
  let plan: Plan;
  let model: Model;
  try {
    model = deps.loadModel();
    const portal = await readPortal(deps.gateway(), model);
    assertModelStages(model, portal.dealPipelines);
    plan = planProvisioning(model, portal);
  } catch (err) {
    deps.stderr(`${describeFailure(err)}\n`);
    return err instanceof ModelError ? 2 : 1;
  }
  const conflictCode = plan.summary.conflict > 0 ? 1 : 0;
  if (args.command === 'plan') {
    deps.stdout(args.json ? `${JSON.stringify(plan, null, 2)}\n` : renderPlan(plan, { color: deps.color }));
    return conflictCode;
  }

  const log = args.json ? deps.stderr : deps.stdout;
  if (!args.json) deps.stdout(renderPlan(plan, { color: deps.color }));
  if (plan.summary.create + plan.summary.update === 0) {
    if (args.json) deps.stdout(`${JSON.stringify({ plan, summary: null }, null, 2)}\n`);
    else {
      log('\nNothing to apply: the portal matches schemas/.\n');
      log(renderWebhookNextSteps(model, plan.objectTypeIds));
    }
    return conflictCode;
  }
  if (!args.yes) {
    if (!deps.interactive) {
      deps.stderr('Refusing to apply without confirmation: stdin is not a terminal. Run with --yes to apply non-interactively.\n');
      return 2;
    }
    if (!(await deps.confirm('\nApply these changes? (yes/no) '))) {
      deps.stderr('Apply cancelled; nothing was changed.\n');
      return 1;
    }
  }
  const ids = { ...plan.objectTypeIds };
  try {
    const summary = await applyPlan(plan, deps.gateway(), {
      onProgress: (change: Change, outcome) => log(`  ${PROGRESS[outcome]} ${describeTarget(change.target)}\n`),
      onObjectType: (name, id) => void (ids[name] = id),
    });
    if (args.json) deps.stdout(`${JSON.stringify({ plan, summary }, null, 2)}\n`);
    else {
      log(`\n${summaryText(summary)}\n`);
      log(renderWebhookNextSteps(model, ids));
    }
    return conflictCode;
  } catch (err) {
    deps.stderr(`${describeFailure(err)}\n`);
    return 1;
  }
}
