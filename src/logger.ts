import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** Paths pino blanks out wherever they appear, so tokens and secrets never reach a log line. */
export const REDACTED_PATHS = [
  'accessToken',
  'clientSecret',
  'config.HUBSPOT_ACCESS_TOKEN',
  'config.HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_CLIENT_SECRET',
  'headers.authorization',
  'headers["x-hubspot-signature-v3"]',
  'req.headers.authorization',
  'req.headers["x-hubspot-signature-v3"]',
  '*.accessToken',
  '*.clientSecret',
  '*.authorization',
];

export function createLogger(level: string = process.env.LOG_LEVEL ?? 'info', destination?: DestinationStream, secrets: string[] = []): Logger {
  const options = {
    level,
    base: { service: 'throughline' },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Belt and braces: a secret that slips into a message string is masked too.
    ...(secrets.some((s) => s.length >= 6)
      ? {
          hooks: {
            logMethod(this: Logger, args: unknown[], method: (...a: unknown[]) => void) {
              method.apply(
                this,
                args.map((a) => (typeof a === 'string' ? maskSecrets(a, secrets) : a)),
              );
            },
          },
        }
      : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export function maskSecrets(text: string, secrets: string[]): string {
  let out = text;
  for (const s of secrets) if (s && s.length >= 6) out = out.split(s).join('[redacted]');
  return out;
}
