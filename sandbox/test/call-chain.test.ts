import { sequentialRoundTrips, type ChainCall } from '../src/call-chain';
import { startHarness } from './helpers';

const call = (start: number, end: number): ChainCall => ({ endpoint: 'GET /x', path: '/x', start, end });

describe('sequentialRoundTrips', () => {
  it('counts overlapping calls once and waits one each', () => {
    expect(sequentialRoundTrips([])).toBe(0);
    expect(sequentialRoundTrips([call(0, 10), call(1, 11), call(2, 9)])).toBe(1);
    expect(sequentialRoundTrips([call(0, 10), call(10, 20), call(21, 30)])).toBe(3);
  });

  it('takes the longest chain, not the number of calls or of gaps', () => {
    // A long call beside a chain of three short ones: three round trips.
    const calls = [call(0, 100), call(0, 10), call(11, 20), call(21, 30), call(101, 110)];
    expect(sequentialRoundTrips(calls)).toBe(4);
    expect(sequentialRoundTrips([...calls].reverse())).toBe(4);
  });
});

describe('the counters record the call chain', () => {
  it('calls run together count once; calls made one after another count each', async () => {
    const h = await startHarness({ faults: { latencyMs: 30 } });
    try {
      await Promise.all([h.client.crm.deals.basicApi.getPage(), h.client.crm.companies.basicApi.getPage(), h.client.crm.contacts.basicApi.getPage()]);
      expect(h.sandbox.calls()).toMatchObject({ total: 3, roundTrips: 1 });
      await h.client.crm.deals.basicApi.getPage();
      const calls = h.sandbox.calls();
      expect(calls.roundTrips).toBe(2);
      expect(calls.timeline).toHaveLength(4);
      expect(calls.timeline[3]).toMatchObject({ endpoint: 'GET /crm/v3/objects/{objectType}', path: '/crm/v3/objects/deals' });
      h.sandbox.resetCounters();
      expect(h.sandbox.calls()).toMatchObject({ total: 0, roundTrips: 0, timeline: [] });
    } finally {
      await h.sandbox.stop();
    }
  });
});
