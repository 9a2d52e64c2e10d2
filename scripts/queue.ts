// npm run queue -- status | retry [<jobId> …]: the work queue in Redis (REDIS_URL), for operators.
import { parseScriptArgs } from '../src/cli/script-args';
import { pickConfigOrExit } from '../src/config';
import { connectRedis } from '../src/coordination/redis-connection';
import { createBullMqWorkQueue } from '../src/queue/bullmq-work-queue';
import { objectKeyOf } from '../src/queue/object-key';
import { QUEUE_SCRIPT, runQueueCommand } from '../src/queue/queue-command';
import { describeRedisUrl } from '../src/queue/render-queue';

const { positionals } = parseScriptArgs(QUEUE_SCRIPT);

async function main(): Promise<number> {
  const config = pickConfigOrExit('REDIS_URL', 'QUEUE_CONCURRENCY', 'QUEUE_BATCH_SIZE', 'QUEUE_ATTEMPTS', 'QUEUE_BACKOFF_MS', 'QUEUE_COALESCE_MS');
  if (!config.REDIS_URL) {
    process.stdout.write(
      'REDIS_URL is not set: the service processes webhook batches in its own process and keeps no queue to show or replay. Set REDIS_URL to the Redis the service uses.\n',
    );
    return 0;
  }
  const where = describeRedisUrl(config.REDIS_URL);
  const unreachable = (err: unknown) => {
    process.stderr.write(
      `Could not read the queue at ${where}: ${(err instanceof Error ? err.message || err.name : String(err)).replace(/\.$/, '')}. Check REDIS_URL and that Redis is running.\n`,
    );
    return 1;
  };
  const commands = connectRedis(config.REDIS_URL, 'commands', { name: 'queue-cli' });
  commands.on('error', () => undefined);
  try {
    await commands.ping();
  } catch (err) {
    commands.disconnect();
    return unreachable(err);
  }
  const connection = connectRedis(config.REDIS_URL, 'commands', { name: 'queue-cli-bullmq', commandTimeoutMs: 10_000 });
  connection.on('error', () => undefined);
  const settings = {
    concurrency: config.QUEUE_CONCURRENCY,
    batchSize: config.QUEUE_BATCH_SIZE,
    attempts: config.QUEUE_ATTEMPTS,
    backoffMs: config.QUEUE_BACKOFF_MS,
    coalesceMs: config.QUEUE_COALESCE_MS,
  };
  const queue = createBullMqWorkQueue(objectKeyOf, settings, { connection, commands });
  try {
    const result = await runQueueCommand(positionals, queue, where, Date.now());
    process.stdout.write(`${result.output}\n`);
    return result.exitCode;
  } catch (err) {
    return unreachable(err);
  } finally {
    await queue.close().catch(() => undefined);
    commands.disconnect();
    connection.disconnect();
  }
}

void main().then((code) => process.exit(code));
