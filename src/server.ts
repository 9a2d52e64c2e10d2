// npm start: the webhook service, the cards API and (SCHEDULER=on) the scheduler.
import { describeListenError } from './cli/listen-error';
import { parseScriptArgs, refuse, type ScriptSpec } from './cli/script-args';
import { loadConfigOrExit } from './config';
import { createLogger } from './logger';
import { ModelError } from './model';
import { startService } from './service';

const SPEC: ScriptSpec = {
  synopsis: 'npm start   (or node dist/src/server.js)',
  description: `Runs the service: HubSpot webhooks at /webhooks/hubspot, the cards API at /api/cards, /healthz,
/readyz and /metrics on PORT (default 3000), and the sweep and renewal scan when SCHEDULER=on.
Needs HUBSPOT_ACCESS_TOKEN and HUBSPOT_CLIENT_SECRET; see README.md, Configuration.`,
};

async function main(): Promise<void> {
  parseScriptArgs(SPEC);
  const config = loadConfigOrExit('HUBSPOT_ACCESS_TOKEN', 'HUBSPOT_CLIENT_SECRET');
  const logger = createLogger(config.LOG_LEVEL, undefined, [config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET]);
  if (!config.HUBSPOT_APP_ID)
    logger.warn("HUBSPOT_APP_ID is not set: the service cannot tell its own writes from users', so its reverts may trigger the gate again.");
  if (!config.PUBLIC_BASE_URL) logger.warn('PUBLIC_BASE_URL is not set: signatures are checked against the URL rebuilt from forwarded headers.');
  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService(config, logger);
  } catch (err) {
    const busy = describeListenError(err, 'PORT', config.PORT);
    if (busy) refuse(busy);
    if (!(err instanceof ModelError)) throw err;
    logger.fatal(err.message);
    process.stderr.write(`${err.message}\nFix schemas/ and start again.\n`);
    process.exit(2);
  }
  logger.info({ url: service.url, scheduler: config.SCHEDULER }, 'Throughline is running');

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    service.close().then(
      () => {
        logger.info({ signal }, 'stopped: requests and batches finished, scheduler stopped');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

void main();
