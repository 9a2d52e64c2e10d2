// npm run status -- <companyId> <status> --reason "…": moves a company's Customer Status by hand.
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli';
import { setCustomerStatus } from '../src/status/set-status';
import { CUSTOMER_STATUSES, StatusTransitionError } from '../src/status/transitions';

const USAGE = `Usage: npm run status -- <companyId> <status> --reason "why"\n  status: one of ${CUSTOMER_STATUSES.join(', ')}\n`;
let parsed: ReturnType<typeof parseArgs<{ options: { reason: { type: 'string' } }; allowPositionals: true }>>;
try {
  parsed = parseArgs({ options: { reason: { type: 'string' } }, allowPositionals: true });
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}
const [companyId, target] = parsed.positionals;
if (!companyId || !/^\d+$/.test(companyId) || !target) {
  process.stderr.write(USAGE);
  process.exit(2);
}
void runCli(async (rt) => {
  try {
    const r = await setCustomerStatus({ gateway: rt.gateway, types: await rt.portalTypes(), appId: rt.config.HUBSPOT_APP_ID }, companyId, target, parsed.values.reason, rt.now());
    process.stdout.write(r.changed ? `Customer status of company ${companyId} is now ${r.next.status} (${r.next.reason}).\n` : `Nothing changed: ${r.why}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof StatusTransitionError) {
      process.stderr.write(`${err.message}\n${USAGE}`);
      return 2;
    }
    throw err;
  }
});
