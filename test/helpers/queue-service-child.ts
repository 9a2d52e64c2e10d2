// One replica of the service in its own process, for tests that kill it (SIGKILL): configuration
// and engine options as JSON in THROUGHLINE_CHILD; prints "READY <url>" once it listens.
import { parseConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { startService, type ServiceConfig } from '../../src/service';

const spec = JSON.parse(process.env.THROUGHLINE_CHILD ?? '{}') as { env: Record<string, string>; engine: Record<string, number | string> };
const config = parseConfig(spec.env) as ServiceConfig;
void startService(config, createLogger('silent'), { port: 0, host: '127.0.0.1', engine: spec.engine }).then((service) => {
  process.stdout.write(`READY ${service.url}\n`);
});
