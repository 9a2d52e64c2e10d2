// npm run card -- <dealId|company:ID>: calls the cards API signed like hubspot.fetch and prints the card.
import { API_PREFIX } from '../extensions/app/cards/lib/service-paths';
import { apiErrorSchema, companyCardDataSchema, dealCardDataSchema } from '../extensions/app/cards/shared/card-data';
import { parseScriptArgs, refuse, usageLine, type ScriptSpec } from '../src/cli/script-args';
import { loadConfigOrExit } from '../src/config';
import { renderCompanyCardText } from '../src/cards/render-company-card-text';
import { renderDealCardText } from '../src/cards/render-card-text';
import { signRequestV3 } from '../src/webhooks/signature';

const SPEC = {
  synopsis: 'npm run card -- <dealId|company:ID> [--service URL] [--json]',
  description: `Calls the running service's cards API as a HubSpot card does (GET, signed with signature v3
and HUBSPOT_CLIENT_SECRET, against PUBLIC_BASE_URL when set) and prints the card as text.
<dealId> (or deal:ID) shows the deal card, company:ID the company card. Needs HUBSPOT_CLIENT_SECRET.`,
  options: {
    service: { type: 'string', value: 'URL', description: 'where the service listens (default PUBLIC_BASE_URL, else http://127.0.0.1:$PORT)' },
    json: { type: 'boolean', description: 'print the JSON the card receives instead of text' },
  },
  positionals: { min: 1, max: 1 },
} satisfies ScriptSpec;

const { values, positionals } = parseScriptArgs(SPEC);
const m = /^(?:(deal|company):)?(\d{1,20})$/.exec(positionals[0]!);
if (!m) refuse(usageLine(SPEC, `"${positionals[0]}" is not a deal id or company:ID`));
const kind = m[1] === 'company' ? 'company' : 'deal';
if (values.service !== undefined && !/^https?:\/\/[^/]+/.test(values.service))
  refuse(usageLine(SPEC, `--service must be an http(s) URL, not "${values.service}"`));

async function main(): Promise<number> {
  const config = loadConfigOrExit('HUBSPOT_CLIENT_SECRET');
  const path = `${API_PREFIX}/${kind === 'company' ? 'companies' : 'deals'}/${m![2]}`;
  const service = (values.service ?? config.PUBLIC_BASE_URL ?? `http://127.0.0.1:${config.PORT}`).replace(/\/+$/, '');
  // The service checks the signature against PUBLIC_BASE_URL when it has one, else the URL it was called at.
  const signedUrl = `${config.PUBLIC_BASE_URL ?? service}${path}`;
  const headers = signRequestV3({ method: 'GET', uri: signedUrl, clientSecret: config.HUBSPOT_CLIENT_SECRET });
  let res: Response;
  try {
    res = await fetch(`${service}${path}`, { headers, signal: AbortSignal.timeout(15_000) });
  } catch (err) {
    process.stderr.write(
      `Could not reach the service at ${service} (${(err as Error).cause ?? (err as Error).message}): start it with npm start, or pass --service.\n`,
    );
    return 1;
  }
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = apiErrorSchema.safeParse(body);
    const hint = res.status === 401 ? " Check that HUBSPOT_CLIENT_SECRET and PUBLIC_BASE_URL are the service's." : '';
    process.stderr.write(`The service answered ${res.status}${e.success ? ` ${e.data.error}: ${e.data.message ?? ''}` : ''}.${hint}\n`);
    return 1;
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const deal = kind === 'deal' ? dealCardDataSchema.safeParse(body) : undefined;
  const company = kind === 'company' ? companyCardDataSchema.safeParse(body) : undefined;
  const text = deal?.success ? renderDealCardText(deal.data) : company?.success ? renderCompanyCardText(company.data) : undefined;
  if (text === undefined) {
    process.stderr.write(
      `The service answered in a shape the cards do not read (${(deal ?? company)?.error?.issues[0]?.message ?? 'unknown'}): deploy the service and the cards from the same commit.\n`,
    );
    return 1;
  }
  process.stdout.write(`${text}\n`);
  return 0;
}

void main().then((code) => process.exit(code));
