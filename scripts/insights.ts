// npm run insights [-- --by dealtype|pipeline|owner|<property>] [--since YYYY-MM-DD] [--json|--csv]
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';
import { atLocalTime, isCalendarDate } from '../src/dates/calendar';
import { parseGroupBy, renderOutcomesCsv, renderOutcomesJson, renderOutcomesText } from '../src/insights';

const SPEC = {
  synopsis: 'npm run insights -- [--by dealtype|pipeline|owner|<property>] [--since YYYY-MM-DD] [--json|--csv]',
  description: `What closed-won deals taught, per group: proposal against delivery's estimate, hours against
budget, absorbed change orders by cause, promises broken by how they were made (and the same promise
broken on several deals), what delivery rediscovered, where momentum dropped, readiness at kickoff,
margin planned against now, and delivery's lessons for sales. Reads every closed-won deal (past
10,000) with its scopes, change orders and promises; progress goes to stderr, the table to stdout.
Needs HUBSPOT_ACCESS_TOKEN.`,
  options: {
    by: { type: 'string', value: 'grouping', description: 'dealtype, pipeline, owner or a deal property (default: outcomes.groupBy in schemas/insights.json)' },
    since: { type: 'string', value: 'YYYY-MM-DD', description: 'only deals closed on or after this day (PORTAL_TIMEZONE)' },
    json: { type: 'boolean', description: 'every figure as JSON (null where no deal has the data)' },
    csv: { type: 'boolean', description: 'the table as CSV, plain numbers, all deals as the last row' },
  },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
if (values.since !== undefined && !isCalendarDate(values.since))
  refuse(usageLine(SPEC, `--since must be a calendar date such as 2026-01-01, not "${values.since}"`));
if (values.json && values.csv) refuse(usageLine(SPEC, 'Choose one of --json and --csv'));
if (values.by !== undefined && !values.by.trim()) refuse(usageLine(SPEC, '--by needs a grouping'));
void runCli(async (rt) => {
  const started = Date.now();
  let read = 0;
  const insights = await rt.insights();
  const summary = await insights.summarise(rt.now(), {
    ...(values.by ? { by: parseGroupBy(values.by) } : {}),
    ...(values.since ? { since: atLocalTime(values.since, 0, rt.config.PORTAL_TIMEZONE) } : {}),
    onProgress: (n) => {
      read = n;
      process.stderr.write(`read ${n.toLocaleString('en-US')} closed-won deal(s) with their scopes, change orders and promises…\n`);
    },
  });
  const left = read - summary.total.deals;
  const why = left > 0 ? ` (${left.toLocaleString('en-US')} left out: no close date, or closed after now)` : '';
  process.stderr.write(
    `${summary.total.deals.toLocaleString('en-US')} of ${read.toLocaleString('en-US')} closed-won deal(s) summarised${why} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`,
  );
  process.stdout.write(
    values.json ? renderOutcomesJson(summary) : values.csv ? renderOutcomesCsv(summary, insights.words) : renderOutcomesText(summary, insights.words),
  );
  return 0;
});
