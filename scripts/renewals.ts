// npm run renewals [-- --today YYYY-MM-DD] [--dry-run]: the daily renewal scan, once.
import { parseArgs } from 'node:util';
import { runCli } from '../src/cli/run-cli';
import { isCalendarDate } from '../src/dates/calendar';
import { createRenewalService } from '../src/renewals/renewal-service';

let args: { today?: string; 'dry-run'?: boolean };
try {
  args = parseArgs({ options: { today: { type: 'string' }, 'dry-run': { type: 'boolean' } } }).values;
} catch (err) {
  process.stderr.write(`${(err as Error).message}\nUsage: npm run renewals -- [--today YYYY-MM-DD] [--dry-run]\n`);
  process.exit(2);
}
if (args.today !== undefined && !isCalendarDate(args.today)) {
  process.stderr.write(`--today must be a calendar date such as 2027-03-01, not "${args.today}".\n`);
  process.exit(2);
}
void runCli(async (rt) => {
  const r = await createRenewalService(rt).scan({ today: args.today, dryRun: args['dry-run'] });
  const verb = args['dry-run'] ? 'would create' : 'created';
  process.stdout.write(
    `Renewal scan for ${r.today}${args['dry-run'] ? ' (dry run: nothing written)' : ''}: ${r.contractsSeen} open contract(s) renewing soon; ` +
      `${verb} ${args['dry-run'] ? r.remindersPlanned : r.remindersCreated} task(s); ${r.staleClosed} superseded reminder(s) closed; ` +
      `${r.autoRenewed} auto-renewed, ${r.renewed} renewed by a new contract, ${r.lapsed} lapsed; ${r.rollupsUpdated} roll-up(s) updated.\n`,
  );
  return 0;
});
