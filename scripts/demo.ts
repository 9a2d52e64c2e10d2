// npm run demo [-- --serve]: the whole story on the local stand-in, narrated. Exits non-zero and
// names the act that failed when one did not end as expected.
import { describeListenError } from '../src/cli/listen-error';
import { parseScriptArgs, refuse, type ScriptSpec } from '../src/cli/script-args';
import { pickConfigOrExit } from '../src/config';
import { cardAct, gateAct, provisionAct, renewalAct, type DemoContext } from './lib/demo/acts';
import { Narrator } from './lib/demo/narrator';
import { sixWeeksAct } from './lib/demo/six-weeks-act';
import { promisesAct } from './lib/demo/promises-act';
import { presaleAct } from './lib/demo/presale-act';
import { startStack, type Stack } from './lib/stack';

const SPEC = {
  synopsis: 'npm run demo -- [--serve]',
  description: `The whole story on the local HubSpot stand-in, narrated: provisioning, the close gate, the
deal card, six weeks of delivery health, renewals and customer status, promises and what past deals taught. Needs no HubSpot account and no HUBSPOT_* variables.
Exits 1 and names the act that failed when one did not end as expected.`,
  options: {
    serve: { type: 'boolean', description: 'keep the stand-in (HUBSPOT_SANDBOX_PORT, default 4010) and the service (PORT, default 3000) running' },
  },
} satisfies ScriptSpec;

const ACTS: Array<[string, (ctx: DemoContext) => Promise<void>]> = [
  ['Provisioning: the data model as code', provisionAct],
  ['Before the promise: playbooks, delivery’s review, capacity', presaleAct],
  ['Close gate: Closed won means ready for delivery', gateAct],
  ['The deal card delivery opens', cardAct],
  ['Six weeks in: delivery health', sixWeeksAct],
  ['Renewals and a customer status that is not a funnel', renewalAct],
  ['Promises: what deals like this taught, before the next one closes', promisesAct],
];

export async function runDemo(options: {
  serve: boolean;
  ports?: { sandbox: number; service: number };
  write?: (text: string) => void;
}): Promise<{ failures: string[]; stack: Stack }> {
  const n = new Narrator(options.write);
  let clock = new Date();
  const stack = await startStack({
    now: () => clock,
    ...(options.serve && options.ports ? { sandboxPort: options.ports.sandbox, servicePort: options.ports.service } : {}),
  });
  const ctx: DemoContext = {
    stack,
    n,
    names: { scope: '', contract: '', customerStatus: '' },
    ids: {},
    setClock(at) {
      clock = at;
      stack.sandbox.setNow(at);
    },
  };
  for (const [i, [title, act]] of ACTS.entries()) {
    n.startAct(i + 1, title);
    try {
      await act(ctx);
    } catch (err) {
      n.failActOnError(err);
    }
  }
  return { failures: n.failed(), stack };
}

function serveHelp(sandboxUrl: string, serviceUrl: string, token: string): string {
  return `
The stand-in and the service keep running (Ctrl-C to stop):
  HubSpot stand-in  ${sandboxUrl}      (token ${token})
  Throughline       ${serviceUrl}

  curl ${serviceUrl}/healthz
  curl ${serviceUrl}/readyz
  curl -H 'Authorization: Bearer ${token}' '${sandboxUrl}/crm/v3/objects/deals?properties=dealname&properties=dealstage&properties=gate_status'
  curl ${sandboxUrl}/_sandbox/calls
  HUBSPOT_API_BASE_URL=${sandboxUrl} HUBSPOT_ACCESS_TOKEN=${token} npm run gate -- <dealId>
`;
}

async function main(): Promise<void> {
  const serve = parseScriptArgs(SPEC).values.serve === true;
  const ports = serve ? servePorts() : undefined;
  const started = Date.now();
  const { failures, stack } = await runDemo({ serve, ...(ports ? { ports } : {}) }).catch((err: unknown) => {
    const busy =
      ports &&
      describeListenError(err, (err as { port?: number }).port === ports.service ? 'PORT' : 'HUBSPOT_SANDBOX_PORT', (err as { port?: number }).port ?? 0);
    if (busy) refuse(busy);
    throw err;
  });
  process.stdout.write(
    `\n${failures.length ? `✘ ${failures.length} check(s) failed:\n${failures.map((f) => `  - ${f}`).join('\n')}` : '✔ Every act ended as expected.'} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  if (serve) {
    process.stdout.write(serveHelp(stack.sandbox.url, stack.service.url, stack.config.HUBSPOT_ACCESS_TOKEN));
    const stop = () => void stack.close().then(() => process.exit(failures.length ? 1 : 0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    return;
  }
  await stack.close();
  process.exit(failures.length ? 1 : 0);
}

function servePorts(): { sandbox: number; service: number } {
  const c = pickConfigOrExit('HUBSPOT_SANDBOX_PORT', 'PORT');
  if (c.HUBSPOT_SANDBOX_PORT === c.PORT)
    refuse(`PORT and HUBSPOT_SANDBOX_PORT are both ${c.PORT}: the service and the stand-in need a port each; set one of them to another port.`);
  return { sandbox: c.HUBSPOT_SANDBOX_PORT, service: c.PORT };
}

if (require.main === module) void main();
