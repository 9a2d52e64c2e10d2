import { loadConfigOrExit, type Config } from '../config';
import { HubSpotError } from '../hubspot/errors';
import { createLogger, type Logger } from '../logger';
import { ModelError } from '../model';
import { createRuntime, type Runtime } from '../runtime/runtime';

/**
 * Shared frame for the thin scripts: config, logger and runtime; errors that say how to fix them
 * and a non-zero exit. The body returns the exit code.
 */
export async function runCli(body: (rt: Runtime, config: Config, logger: Logger) => Promise<number>): Promise<never> {
  const config = loadConfigOrExit('HUBSPOT_ACCESS_TOKEN');
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL, undefined, [
    config.HUBSPOT_ACCESS_TOKEN,
    config.HUBSPOT_CLIENT_SECRET ?? '',
  ]);
  let code = 1;
  try {
    code = await body(createRuntime(config, logger), config, logger);
  } catch (err) {
    if (err instanceof HubSpotError || err instanceof ModelError) process.stderr.write(`${err.message}\n`);
    else if (err instanceof Error) process.stderr.write(`${err.name}: ${err.message}\n`);
    else process.stderr.write(`${String(err)}\n`);
  }
  process.exit(code);
}
