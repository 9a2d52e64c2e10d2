// npm run capacity [-- --team T] [--weeks 12]: each delivery team's weekly load from its committed scopes.
import { renderCapacityText } from '../src/capacity';
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';

const SPEC = {
  synopsis: 'npm run capacity -- [--team <id>] [--weeks <n>]',
  description: `Prints each delivery team's weekly load against its capacity (schemas/capacity.json), from the
scopes delivery approved and has not finished, week by week from this week in PORTAL_TIMEZONE.
Changes nothing. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: {
    team: { type: 'string', value: 'id', multiple: true, description: 'only this team (a team id of schemas/capacity.json); repeat for more' },
    weeks: { type: 'string', value: 'n', description: 'how many weeks to show, 1 to 104 (default 12)' },
  },
} satisfies ScriptSpec;

const { values } = parseScriptArgs(SPEC);
const weeks = values.weeks === undefined ? 12 : Number(values.weeks);
if (!Number.isInteger(weeks) || weeks < 1 || weeks > 104) refuse(usageLine(SPEC, `--weeks must be a whole number from 1 to 104, not "${values.weeks}"`));
void runCli(async (rt) => {
  const known = rt.model.capacity.teams.map((t) => t.id);
  const unknown = (values.team ?? []).filter((t) => !known.includes(t));
  if (unknown.length) {
    process.stderr.write(`${unknown.map((t) => `"${t}"`).join(', ')} is not a team of schemas/capacity.json — use one of ${known.join(', ')}.\n`);
    return 2;
  }
  const report = await (await rt.presale()).capacityReport(rt.now(), { ...(values.team ? { teamIds: values.team } : {}), weeks });
  process.stdout.write(`${report.map(renderCapacityText).join('\n\n')}\n`);
  return 0;
});
