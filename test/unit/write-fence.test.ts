import type { HubSpotCallBreaker } from '../../src/hubspot/call-breaker';
import { guardedWrite } from '../../src/hubspot/guarded-call';
import type { RateBudget } from '../../src/hubspot/rate-budget';
import { withRetry } from '../../src/hubspot/retry';
import { fenced, WriteFencedError } from '../../src/hubspot/write-fence';

describe('the write fence (a job’s HubSpot writes stop once its lease is lost)', () => {
  const log: string[] = [];
  const budget = { acquire: async (kind: string) => void log.push(`slot ${kind}`) } as unknown as RateBudget;
  const breaker = { run: (op: string, call: () => Promise<unknown>) => (log.push(`breaker ${op}`), call()) } as unknown as HubSpotCallBreaker;
  const send = async () => (log.push('sent'), 'ok');
  const policy = { retries: 3, baseMs: 0 };
  beforeEach(() => log.splice(0));

  it('sends while the fence holds, and outside any job', async () => {
    await expect(
      fenced({ holds: () => true, describe: () => 'the lease on 0-3:1' }, () =>
        withRetry('batch update deals', guardedWrite({ budget, breaker }, 'batch update deals', send), policy),
      ),
    ).resolves.toBe('ok');
    await expect(guardedWrite({ budget, breaker }, 'batch update deals', send)()).resolves.toBe('ok');
    expect(log).toEqual(['slot request', 'breaker batch update deals', 'sent', 'slot request', 'breaker batch update deals', 'sent']);
  });

  it('refuses a write once the fence is lost: not sent, not retried, not seen by the breaker', async () => {
    let held = true;
    const fence = { holds: () => held, describe: () => 'the lease on 0-3:7' };
    const attempt = fenced(fence, async () => {
      await Promise.resolve();
      held = false; // lost while the job waited on something else
      return withRetry('batch update deals', guardedWrite({ budget, breaker }, 'batch update deals', send), policy);
    });
    await expect(attempt).rejects.toBeInstanceOf(WriteFencedError);
    await expect(attempt).rejects.toThrow('batch update deals was not sent: the lease on 0-3:7 was lost');
    expect(log).toEqual(['slot request']);
  });
});
