// npm run delivery -- [--dry-run] [--deal ID]: the daily delivery-health pass, once.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, type ScriptSpec } from '../src/cli/script-args';
import { PASS_PAGE_SIZE } from '../src/delivery/delivery-service';
import { renderDeliveryPreview } from '../src/delivery/render-delivery-preview';

const SPEC = {
  synopsis: 'npm run delivery -- [--dry-run] [--deal <dealId>]',
  description: `Assesses the delivery health of every deal in delivery (gate passed or overridden), as the
daily pass does: writes the deal's "Delivery health" properties that changed, opens or completes the
AE's and the delivery lead's tasks. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: {
    'dry-run': { type: 'boolean', description: 'list, deal by deal, what it would write; write nothing' },
    deal: { type: 'string', value: 'dealId', description: 'assess this one deal only' },
  },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
const dryRun = values['dry-run'] === true;
if (values.deal !== undefined && !/^\d+$/.test(values.deal)) refuse(`--deal ${values.deal} is not a HubSpot record id (digits). Usage: ${SPEC.synopsis}`);

void runCli(async (rt) => {
  const started = Date.now();
  const delivery = await rt.delivery();
  const progress = (n: number) => process.stderr.write(`… ${n} deal(s) assessed (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  const r = values.deal
    ? await delivery.assessDeals([values.deal], rt.now(), { dryRun })
    : await delivery.dailyPass(rt.now(), { dryRun, onProgress: (run) => run.dealsAssessed >= PASS_PAGE_SIZE && progress(run.dealsAssessed) });
  if (values.deal && r.skipped.length) process.stdout.write(`Deal ${values.deal} is not in delivery (not found, or its gate has not passed).\n`);
  if (dryRun && r.plans.length) process.stdout.write(`${renderDeliveryPreview(r.plans)}\n`);
  const changed = r.plans.filter((p) => Object.keys(p.dealProperties).length || p.openTasks.length || p.completeTasks.length).length;
  process.stdout.write(
    dryRun
      ? `Delivery (dry run: nothing written): ${r.dealsAssessed} deal(s) in delivery assessed; ${changed} would change (${Date.now() - started} ms).\n`
      : `Delivery: ${r.dealsAssessed} deal(s) in delivery assessed; ${r.dealsUpdated.length} updated, ${r.tasksCreated} task(s) created, ${r.tasksUpdated} updated, ${r.tasksCompleted} completed, ${r.statusChanges} customer status change(s) (${Date.now() - started} ms).\n`,
  );
  return 0;
});
