// npm run gate -- <dealId>: prints the gate evaluation for one deal, item by item; changes nothing.
import { runCli } from '../src/cli/run-cli';
import { renderEvaluation } from '../src/gate/render-evaluation';

const dealId = process.argv[2];
if (!dealId || !/^\d+$/.test(dealId)) {
  process.stderr.write('Usage: npm run gate -- <dealId>   (the numeric id from the deal URL)\n');
  process.exit(2);
}
void runCli(async (rt) => {
  const found = await (await rt.gate()).evaluateDeal(dealId, rt.now());
  if (!found) {
    process.stderr.write(`Deal ${dealId} was not found in the portal.\n`);
    return 1;
  }
  process.stdout.write(`${renderEvaluation(found)}\n`);
  return 0;
});
