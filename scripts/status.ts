// npm run status -- <companyId> <status> --reason "…": moves a company's Customer Status by hand.
import { runCli } from '../src/cli/run-cli';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';
import { CUSTOMER_STATUSES, StatusTransitionError, transition } from '../src/status/transitions';

const SPEC = {
  synopsis: 'npm run status -- <companyId> <status> --reason "why"',
  description: `Moves a company's Customer Status by hand (creating the record if it has none); automation
then respects it. <status> is one of ${CUSTOMER_STATUSES.join(', ')}. Needs HUBSPOT_ACCESS_TOKEN.`,
  options: { reason: { type: 'string', value: 'text', description: 'why, shown on the company card and in the history' } },
  positionals: { min: 2, max: 2 },
} satisfies ScriptSpec;

const parsed = parseScriptArgs(SPEC);
const [companyId, target] = parsed.positionals as [string, string];
if (!/^\d+$/.test(companyId)) refuse(usageLine(SPEC, `"${companyId}" is not a company id (the number in the company's URL)`));
// The status and reason are checked before anything is read, with the same rule the move applies.
try {
  transition(undefined, { manual: target }, parsed.values.reason, new Date());
} catch (err) {
  if (err instanceof StatusTransitionError) refuse(usageLine(SPEC, err.message));
  throw err;
}
void runCli(async (rt) => {
  try {
    const r = await (await rt.customerStatus()).set(companyId, target, parsed.values.reason, rt.now());
    process.stdout.write(r.changed ? `Customer status of company ${companyId} is now ${r.next.status} (${r.next.reason}).\n` : `Nothing changed: ${r.why}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof StatusTransitionError) {
      process.stderr.write(`${usageLine(SPEC, err.message)}\n`);
      return 2;
    }
    throw err;
  }
});
