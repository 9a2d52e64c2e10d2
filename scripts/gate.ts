// npm run gate -- <dealId>: prints the gate evaluation for one deal, item by item; changes nothing.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';
import { renderEvaluation } from '../src/gate/render-evaluation';

const SPEC: ScriptSpec = {
  synopsis: 'npm run gate -- <dealId>',
  description: `Prints one deal's close-gate evaluation, item by item, and changes nothing.
<dealId> is the numeric id from the deal's URL. Needs HUBSPOT_ACCESS_TOKEN.`,
  positionals: { min: 1, max: 1 },
};

const [dealId] = parseScriptArgs(SPEC).positionals as [string];
if (!/^\d+$/.test(dealId)) refuse(usageLine(SPEC, `"${dealId}" is not a deal id (the number in the deal's URL)`));
void runCli(async (rt) => {
  const found = await (await rt.gate()).evaluateDeal(dealId, rt.now());
  if (!found) {
    process.stderr.write(`Deal ${dealId} was not found in the portal.\n`);
    return 1;
  }
  process.stdout.write(`${renderEvaluation(found)}\n`);
  return 0;
});
