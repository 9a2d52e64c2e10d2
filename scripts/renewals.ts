// npm run renewals [-- --today YYYY-MM-DD] [--dry-run]: the daily renewal scan, once.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';
import { isCalendarDate } from '../src/dates/calendar';
import { renderScanPreview } from '../src/renewals/render-scan-preview';

const SPEC = {
  synopsis: 'npm run renewals -- [--today YYYY-MM-DD] [--dry-run]',
  description: `The daily renewal scan, once: renewal tasks for contracts renewing soon, superseded reminders
closed, auto-renewing contracts rolled forward, the rest renewed or lapsed; customer statuses
follow. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: {
    today: { type: 'string', value: 'YYYY-MM-DD', description: 'scan as if today were this date (default: today in PORTAL_TIMEZONE)' },
    'dry-run': { type: 'boolean', description: 'list every task (owner, due date), lapse and roll-forward it would make; write nothing' },
  },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
if (values.today !== undefined && !isCalendarDate(values.today))
  refuse(usageLine(SPEC, `--today must be a calendar date such as 2027-03-01, not "${values.today}"`));
const dryRun = values['dry-run'] === true;
void runCli(async (rt) => {
  const r = await (await rt.renewals()).scan({ today: values.today, dryRun });
  if (r.planned) process.stdout.write(`${renderScanPreview(r.planned)}\n`);
  const tasks = dryRun
    ? `would create ${r.remindersPlanned + (r.planned ?? []).filter((a) => a.kind === 'lapse' && a.task).length}`
    : `created ${r.remindersCreated}`;
  const closed = dryRun ? (r.planned ?? []).filter((a) => a.kind === 'close-superseded').length : r.staleClosed;
  process.stdout.write(
    `Renewal scan for ${r.today}${dryRun ? ' (dry run: nothing written)' : ''}: ${r.contractsSeen} open contract(s) renewing soon; ` +
      `${tasks} task(s); ${closed} superseded reminder(s) ${dryRun ? 'to close' : 'closed'}; ` +
      `${r.autoRenewed} auto-renewed, ${r.renewed} renewed by a new contract, ${r.lapsed} lapsed${dryRun ? ' (would be)' : ''}; ${r.rollupsUpdated} roll-up(s) updated.\n`,
  );
  return 0;
});
