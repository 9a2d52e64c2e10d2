// npm run sweep: gates every deal in a gated stage whose webhook was missed.
import { runCli } from '../src/cli/run-cli';
import { sweepGatedDeals } from '../src/gate/sweep';

void runCli(async (rt) => {
  const started = Date.now();
  const gate = await rt.gate();
  const r = await sweepGatedDeals({ gateway: rt.gateway, gate, rules: rt.rules, pipelines: rt.pipelines }, rt.now());
  process.stdout.write(
    `Sweep: ${r.candidates} deal(s) in gated stages without a passed gate; ${r.reverted} sent back, ${r.passed} passed, ${r.skipped} left alone (${Date.now() - started} ms).\n`,
  );
  return 0;
});
