import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { validate as validateCron } from 'node-cron';
import { z } from 'zod';

/**
 * All configuration comes from the environment (and an optional .env file), validated once.
 * A bad or missing variable produces one line that names it and says what it should look like.
 */

const hint = <T extends z.ZodType>(schema: T, what: string) => ({ schema, what });

const boolFlag = z.enum(['on', 'off']);
const parsedUrl = (u: string) => {
  try {
    return new URL(u);
  } catch {
    return undefined;
  }
};
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;
/** http(s) with a host: "api.hubapi.com" (no scheme) or ftp:// would only fail later, after retries. */
const webUrl = (allowHttp: (host: string) => boolean) =>
  z
    .string()
    .refine((u) => {
      const p = parsedUrl(u);
      return !!p && !!p.hostname && (p.protocol === 'https:' || (p.protocol === 'http:' && allowHttp(p.hostname)));
    })
    .transform((u) => u.replace(/\/+$/, ''));
const url = webUrl(() => true);
/** What HubSpot calls must be HTTPS; plain http only on this machine (local runs, benchmarks). */
const publicUrl = webUrl((host) => LOOPBACK.test(host));
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
/** redis:// or rediss:// with a host; anything else would only fail at the first connection. */
const redisUrl = z.string().refine((u) => {
  const p = parsedUrl(u);
  return !!p && !!p.hostname && (p.protocol === 'redis:' || p.protocol === 'rediss:');
});
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
});
const cron = z.string().refine((expr) => validateCron(expr));
const leadDays = z
  .string()
  .regex(/^\d+(,\d+)*$/)
  .transform((s) => [...new Set(s.split(',').map(Number))].sort((a, b) => b - a));

const variables = {
  HUBSPOT_ACCESS_TOKEN: hint(z.string().min(10).optional(), 'the private app access token (pat-…), from Settings › Integrations › Private apps'),
  HUBSPOT_CLIENT_SECRET: hint(z.string().min(8).optional(), "the app's client secret (a UUID-like string), used to verify signed requests"),
  HUBSPOT_APP_ID: hint(z.string().regex(/^\d+$/).optional(), "the app's numeric id, e.g. 1234567"),
  HUBSPOT_API_BASE_URL: hint(
    url.default('https://api.hubapi.com'),
    'an http(s) URL with a host, such as https://api.hubapi.com (or http://127.0.0.1:4010 for the local stand-in)',
  ),
  HUBSPOT_RETRIES: hint(int(0, 6).default(3), 'a whole number of retries from 0 to 6'),
  HUBSPOT_RETRY_BASE_MS: hint(int(0, 60_000).default(1000), 'milliseconds between retries, e.g. 1000'),
  HUBSPOT_REQUESTS_PER_10S: hint(
    int(0, 10_000).default(180),
    'requests per 10 seconds the client may send (HubSpot allows 190 for private apps on Pro/Enterprise); 0 turns the limiter off',
  ),
  HUBSPOT_SEARCHES_PER_SECOND: hint(int(1, 5).default(4), 'search requests per second (HubSpot allows 5 per account), a whole number from 1 to 5'),
  HUBSPOT_TIMEOUT_MS: hint(int(100, 120_000).default(15_000), 'milliseconds a HubSpot call may take before it counts as failed, e.g. 15000'),
  HUBSPOT_CIRCUIT_RESET_MS: hint(int(100, 600_000).default(30_000), 'milliseconds the circuit stays open before one trial call, e.g. 30000'),
  REDIS_URL: hint(redisUrl.optional(), 'a redis:// or rediss:// URL with a host, e.g. redis://127.0.0.1:6379 (unset: one process, no Redis)'),
  QUEUE_CONCURRENCY: hint(int(1, 64).default(4), 'job batches each replica runs at once, a whole number from 1 to 64'),
  QUEUE_BATCH_SIZE: hint(int(1, 100).default(100), 'ready jobs (one deal or contract each) run as one batch, a whole number from 1 to 100'),
  QUEUE_MAX_DEPTH: hint(int(1, 1_000_000).default(1000), 'waiting jobs beyond which /readyz reports the queue saturated, e.g. 1000'),
  QUEUE_ATTEMPTS: hint(int(1, 20).default(5), 'tries of a failed job before it is kept as failed, a whole number from 1 to 20'),
  QUEUE_BACKOFF_MS: hint(int(0, 600_000).default(2000), 'milliseconds before the first retry of a failed job (doubling after), e.g. 2000'),
  QUEUE_COALESCE_MS: hint(int(0, 60_000).default(500), 'milliseconds a job waits so events of one object from several batches are decided once, e.g. 500'),
  PUBLIC_BASE_URL: hint(
    publicUrl.optional(),
    'the HTTPS origin HubSpot calls, e.g. https://throughline.example.com (plain http only for localhost or 127.0.0.1)',
  ),
  PORT: hint(int(1, 65535).default(3000), 'a TCP port, e.g. 3000'),
  LOG_LEVEL: hint(
    z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    'one of fatal, error, warn, info, debug, trace, silent',
  ),
  SCHEMAS_DIR: hint(z.string().default('schemas'), 'a folder holding the data model JSON, e.g. schemas'),
  HUBSPOT_SANDBOX_PORT: hint(int(0, 65535).default(4010), 'a TCP port for the local stand-in, e.g. 4010'),
  SCHEDULER: hint(boolFlag.default('off'), 'on or off'),
  SWEEP_CRON: hint(cron.default('*/5 * * * *'), 'a cron expression, e.g. */5 * * * *'),
  RENEWAL_CRON: hint(cron.default('0 7 * * *'), 'a cron expression, e.g. 0 7 * * *'),
  DELIVERY_CRON: hint(cron.default('0 6 * * *'), 'a cron expression, e.g. 0 6 * * *'),
  HANDOFF_REVIEW_CRON: hint(cron.default('30 7 * * *'), 'a cron expression, e.g. 30 7 * * *'),
  INSIGHTS_CRON: hint(cron.default('0 6 * * *'), 'a cron expression, e.g. 0 6 * * *'),
  PLAYBOOK_CRON: hint(cron.default('30 6 * * *'), 'a cron expression, e.g. 30 6 * * *'),
  PORTAL_TIMEZONE: hint(timeZone.default('UTC'), 'an IANA time zone, e.g. Europe/Berlin'),
  // HubSpot's company currency is in account settings, which the app's scopes do not read; a deal's
  // own deal_currency_code wins wherever it is set.
  PORTAL_CURRENCY: hint(
    z
      .string()
      .regex(/^[A-Z]{3}$/)
      .default('USD'),
    "the portal's company currency as an ISO 4217 code, e.g. EUR",
  ),
  DEFAULT_OWNER_ID: hint(z.string().regex(/^\d+$/).optional(), 'a HubSpot owner id (digits), e.g. 12345678'),
  RENEWAL_LEAD_DAYS: hint(leadDays.optional(), 'comma-separated days before renewal, e.g. 90,60,30'),
} as const;

type Variables = typeof variables;
/** Every variable the configuration reads (README's table and .env.example list each). */
export const CONFIG_NAMES = Object.keys(variables) as Array<keyof Variables>;
export type Config = { [K in keyof Variables]: z.output<Variables[K]['schema']> };
export type ConfigName = keyof Variables;

export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    message: string,
  ) {
    super(message);
    this.name = 'ConfigError';
  }
}

const shape = Object.fromEntries(Object.entries(variables).map(([k, v]) => [k, v.schema])) as {
  [K in keyof Variables]: Variables[K]['schema'];
};
const envSchema = z.object(shape);

function loadDotenv(): void {
  if (process.env.THROUGHLINE_SKIP_DOTENV === '1') return;
  const path = resolve(process.cwd(), '.env');
  if (existsSync(path)) process.loadEnvFile(path);
}

/** Parses configuration from an env map. Empty strings count as unset. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(Object.keys(variables).map((k) => [k, env[k] === '' ? undefined : env[k]]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = String(issue.path[0]) as ConfigName;
    const given = cleaned[name];
    const what = variables[name]?.what ?? 'a valid value';
    throw new ConfigError(name, given === undefined ? `${name} is not set: it should be ${what}.` : `${name} is malformed: it should be ${what}.`);
  }
  return result.data as Config;
}

/** Demands variables a given entry point cannot run without. */
export function requireConfig<K extends ConfigName>(config: Config, ...names: K[]): Config & { [P in K]-?: NonNullable<Config[P]> } {
  for (const name of names) {
    if (config[name] === undefined) {
      throw new ConfigError(name, `${name} is not set: it should be ${variables[name].what}.`);
    }
  }
  return config as Config & { [P in K]-?: NonNullable<Config[P]> };
}

/** Loads config for an entry point; on error prints one line and exits 2. */
export function loadConfigOrExit<K extends ConfigName>(...required: K[]): Config & { [P in K]-?: NonNullable<Config[P]> } {
  try {
    loadDotenv();
    return requireConfig(parseConfig(process.env), ...required);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/**
 * Only some variables, from the environment alone, for entry points that need no portal (demo,
 * sandbox): .env and the rest of the environment are set up for a real portal and are not their
 * business (the stand-in would otherwise take, and print, the real token). On error: one line, exit 2.
 */
export function pickConfigOrExit<K extends ConfigName>(...names: K[]): Pick<Config, K> {
  try {
    return parseConfig(Object.fromEntries(names.map((n) => [n, process.env[n]])));
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
}
