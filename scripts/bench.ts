// npm run bench [-- --only gate,renewals,provision,load --load-seconds 60 --contracts 1000,10000,50000 …]
// Measures HubSpot calls and answer times against the local stand-in; prints a table and writes
// bench/results.json. Not part of `npm test`; it measures and asserts nothing. See docs/performance.md.
import { Client } from '@hubspot/api-client';
import { runBench } from './bench/run';

/**
 * The naive baseline talks to the stand-in with @hubspot/api-client directly. The client's limiter
 * and retry decorators are process-wide (the last Client built wins), so this one is built with
 * the same settings as the service's own client in src/hubspot/client.ts (no limiter reservoir on
 * the stand-in, maxConcurrent 16, no client retries), leaving the service's behaviour unchanged.
 */
function makeClient(basePath: string, accessToken: string): Client {
  return new Client({ accessToken, basePath, numberOfApiCallRetries: 0, limiterOptions: { maxConcurrent: 16 } });
}

runBench(process.argv.slice(2), { makeClient }).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
