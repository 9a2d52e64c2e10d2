import { createOnce, type CreatedResult } from '../../src/hubspot/create-once';
import { HubSpotError } from '../../src/hubspot/errors';
import type { CreateInput } from '../../src/hubspot/types';

/** A fake HubSpot: records what was made, answers in reverse order, fails as told. */
function fakeHubSpot(failures: Array<{ status: number; applied: boolean }>, echoTraceIds = true) {
  const made = new Map<string, string>();
  const sent: string[][] = [];
  let next = 100;
  const send = async (inputs: CreateInput[]): Promise<CreatedResult[]> => {
    sent.push(inputs.map((i) => i.key));
    const failure = failures.shift();
    const results =
      failure && !failure.applied
        ? []
        : inputs.map((i) => {
            const id = String(next++);
            made.set(i.key, id);
            return { id, ...(echoTraceIds ? { objectWriteTraceId: i.key } : {}) };
          });
    if (failure) throw new HubSpotError(failure.status, 'failed', undefined, {}, 'test');
    return results.reverse();
  };
  const lookups: string[][] = [];
  const find = async (keys: string[]) => {
    lookups.push(keys);
    return new Map(keys.flatMap((k) => (made.has(k) ? [[k, made.get(k)!] as const] : [])));
  };
  return { made, sent, lookups, send, find };
}

const inputs = (...keys: string[]): CreateInput[] => keys.map((key) => ({ key, properties: {} }));
const policy = { retries: 3, baseMs: 1, sleep: async () => undefined };

it('places results by trace id, whatever their order', async () => {
  const hs = fakeHubSpot([]);
  const out = await createOnce('create', inputs('a', 'b', 'c'), hs.send, hs.find, policy);
  expect([...out].sort()).toEqual([...hs.made].sort());
  expect(hs.lookups).toEqual([]);
});

it('a 5xx after the create was applied: one lookup for the batch, nothing sent again', async () => {
  const hs = fakeHubSpot([{ status: 502, applied: true }]);
  const out = await createOnce('create', inputs('a', 'b'), hs.send, hs.find, policy);
  expect(hs.sent).toEqual([['a', 'b']]);
  expect(hs.lookups).toEqual([['a', 'b']]);
  expect(out).toEqual(hs.made);
});

it('a 5xx before anything was made: the lookup finds nothing, the batch is sent again', async () => {
  const hs = fakeHubSpot([{ status: 0, applied: false }]);
  const out = await createOnce('create', inputs('a', 'b'), hs.send, hs.find, policy);
  expect(hs.sent).toEqual([
    ['a', 'b'],
    ['a', 'b'],
  ]);
  expect([...out.keys()].sort()).toEqual(['a', 'b']);
});

it('a 429 is a refusal: retried without a lookup', async () => {
  const hs = fakeHubSpot([{ status: 429, applied: false }]);
  await createOnce('create', inputs('a'), hs.send, hs.find, policy);
  expect([hs.sent.length, hs.lookups.length]).toEqual([2, 0]);
});

it('results without trace ids are placed by a lookup (a batch of one needs none)', async () => {
  const hs = fakeHubSpot([], false);
  const out = await createOnce('create', inputs('a', 'b'), hs.send, hs.find, policy);
  expect(out).toEqual(hs.made);
  expect(hs.lookups).toEqual([['a', 'b']]);
  const one = fakeHubSpot([], false);
  expect(await createOnce('create', inputs('z'), one.send, one.find, policy)).toEqual(one.made);
  expect(one.lookups).toEqual([]);
});

it('refuses two inputs with one key, and says when a result cannot be placed', async () => {
  const hs = fakeHubSpot([], false);
  await expect(createOnce('create', inputs('a', 'a'), hs.send, hs.find, policy)).rejects.toThrow(/share the key a/);
  const blind = { ...hs, find: async () => new Map<string, string>() };
  await expect(createOnce('batch create tasks', inputs('a', 'b'), blind.send, blind.find, policy)).rejects.toThrow(/could not be matched.*Run it again/);
});
