import { performance } from 'node:perf_hooks';
import { addDays, todayIn, type CalendarDate } from '../../src/dates/calendar';
import { ENDPOINTS } from '@throughline/sandbox';
import { OWNERS, USER, namesOf, seedOwners } from '../lib/seed';
import { countsRecord } from './call-log';
import { nameCustomTypes, startBenchStack, type BenchStack } from './stack';
import { maxInWindow } from './stats';

/**
 * Renewal scan over N contracts. Seeded in-process (no HTTP): only what the scan reads — active
 * contracts with renewal dates spread evenly over the scan horizon (today … today + 180 days), a
 * quarter of them auto-renewing with 60 days' notice, five contracts per company, companies owned
 * by the account manager. Three scans per size, each measured alone:
 *   first      every reminder due today at once (a portal's first scan: ~half the contracts renew
 *              within 90 days, so ~N/2 tasks);
 *   same day   the scan again: everything is sent already, so it must write nothing;
 *   next day   a typical daily scan: the contracts crossing a 90/60/30-day line, renewals that
 *              passed (auto-renewed or lapsed); it searches only what can fall due since the
 *              first scan (src/renewals/due-windows.ts);
 *   backstop   the full-horizon scan of the same day (weekly, and after a start): every open
 *              contract in the horizon searched, nothing left to write.
 * The stand-in enforces HubSpot's 5 searches per second; the gateway paces itself to 4.
 */
export interface RenewalOptions {
  sizes: number[];
  latencyMs: number;
  progress: (line: string) => void;
}

export interface ScanMeasure {
  today: CalendarDate;
  /** What the scan read: `full` (the whole horizon) or `since <day>`. */
  scope: string;
  wallMs: number;
  calls: ReturnType<typeof countsRecord>;
  byOperation: Record<string, number>;
  searchCalls: number;
  /** Most searches reaching the stand-in within any 1,000 ms (HubSpot allows 5; the gateway paces to 4). */
  maxSearchesPerSecond: number;
  /** Wall time this many calls would need at HubSpot's 190 requests / 10 s (the stand-in does not enforce it here). */
  secondsAt190Per10s: number;
  outcome: {
    contractsSeen: number;
    remindersCreated: number;
    staleClosed: number;
    lapsed: number;
    autoRenewed: number;
    renewed: number;
    rollupsUpdated: number;
  };
}

export interface RenewalSizeResult {
  contracts: number;
  companies: number;
  seedMs: number;
  first: ScanMeasure;
  sameDay: ScanMeasure;
  nextDay: ScanMeasure;
  backstop: ScanMeasure;
}

export interface RenewalResult {
  latencyMs: number;
  horizonDays: number;
  sizes: RenewalSizeResult[];
}

const HORIZON_DAYS = 180;
const SEARCH_ENDPOINT = ENDPOINTS.find((e) => e.endsWith('/search'))!;
const CONTRACTS_PER_COMPANY = 5;

function seedContracts(stack: BenchStack, count: number, today: CalendarDate): number {
  const { contract } = namesOf(stack.model);
  const companies: string[] = [];
  for (let i = 0; i < Math.ceil(count / CONTRACTS_PER_COMPANY); i++) {
    companies.push(stack.sandbox.createObject('companies', { name: `Renewal client ${i}`, hubspot_owner_id: OWNERS.am.id }, { actAs: USER(OWNERS.rep) }).id);
  }
  for (let j = 0; j < count; j++) {
    const renewal = addDays(today, j % (HORIZON_DAYS + 1));
    const autoRenew = j % 4 === 0;
    stack.sandbox.createObject(
      contract,
      {
        contract_name: `Contract ${j}`,
        contract_status: 'active',
        start_date: addDays(renewal, -365),
        term_months: '12',
        end_date: addDays(renewal, -1),
        renewal_date: renewal,
        auto_renew: String(autoRenew),
        notice_period_days: '60',
        contract_value: '60000',
      },
      { actAs: USER(OWNERS.rep), associations: [{ toObjectType: 'companies', toObjectId: companies[Math.floor(j / CONTRACTS_PER_COMPANY)]! }] },
    );
  }
  return companies.length;
}

/**
 * When searches reached the stand-in: its counters polled every 10 ms (the stand-in has no request
 * hook), so each arrival is known to within 10 ms — the view HubSpot's 5-per-second limit has.
 */
function watchSearchArrivals(sandbox: BenchStack['sandbox']): () => number[] {
  const arrivals: number[] = [];
  let seen = 0;
  const poll = () => {
    const n = sandbox.calls().byEndpoint[SEARCH_ENDPOINT] ?? 0;
    for (; seen < n; seen++) arrivals.push(Date.now());
  };
  const timer = setInterval(poll, 10);
  return () => {
    clearInterval(timer);
    poll();
    return arrivals;
  };
}

async function measureScan(stack: BenchStack, today: CalendarDate, full = false): Promise<ScanMeasure> {
  const renewals = await stack.service.runtime.renewals();
  stack.sandbox.resetCounters();
  stack.log.reset();
  const stopWatching = watchSearchArrivals(stack.sandbox);
  const started = performance.now();
  const r = await renewals.scan({ today, full });
  const wallMs = performance.now() - started;
  const arrivals = stopWatching();
  const calls = stack.sandbox.calls();
  return {
    today,
    scope: r.scope.kind === 'full' ? 'full' : `since ${r.scope.since}`,
    wallMs,
    calls: countsRecord(calls),
    byOperation: stack.log.byOperation(),
    searchCalls: calls.byEndpoint[SEARCH_ENDPOINT] ?? 0,
    maxSearchesPerSecond: maxInWindow(arrivals, 1000),
    secondsAt190Per10s: Math.round((calls.total / 19) * 10) / 10,
    outcome: {
      contractsSeen: r.contractsSeen,
      remindersCreated: r.remindersCreated,
      staleClosed: r.staleClosed,
      lapsed: r.lapsed,
      autoRenewed: r.autoRenewed,
      renewed: r.renewed,
      rollupsUpdated: r.rollupsUpdated,
    },
  };
}

export async function runRenewalBench(o: RenewalOptions): Promise<RenewalResult> {
  const sizes: RenewalSizeResult[] = [];
  for (const count of o.sizes) {
    const stack = await startBenchStack();
    try {
      await stack.provision();
      seedOwners(stack.sandbox);
      const today = todayIn('UTC', new Date());
      const seedStarted = performance.now();
      const companies = seedContracts(stack, count, today);
      const seedMs = performance.now() - seedStarted;
      await stack.sandbox.searchIndexed(); // the portal existed before the scan: its records are searchable
      stack.sandbox.setFaults({ latencyMs: o.latencyMs });
      await nameCustomTypes(stack); // warm: schemas and labels, once per process
      o.progress(`renewals ${count}: seeded in ${(seedMs / 1000).toFixed(1)} s`);
      const first = await measureScan(stack, today);
      o.progress(
        `renewals ${count}: first scan ${(first.wallMs / 1000).toFixed(1)} s, ${first.calls.total} calls, ${first.outcome.remindersCreated} reminders`,
      );
      const sameDay = await measureScan(stack, today);
      o.progress(`renewals ${count}: same-day scan ${(sameDay.wallMs / 1000).toFixed(1)} s, ${sameDay.calls.total} calls, ${sameDay.calls.writes} writes`);
      const nextDay = await measureScan(stack, addDays(today, 1));
      o.progress(
        `renewals ${count}: next-day scan (${nextDay.scope}) ${(nextDay.wallMs / 1000).toFixed(1)} s, ${nextDay.calls.total} calls, ${nextDay.searchCalls} searches`,
      );
      const backstop = await measureScan(stack, addDays(today, 1), true);
      o.progress(
        `renewals ${count}: backstop (full) scan ${(backstop.wallMs / 1000).toFixed(1)} s, ${backstop.calls.total} calls, ${backstop.calls.writes} writes`,
      );
      sizes.push({ contracts: count, companies, seedMs, first, sameDay, nextDay, backstop });
    } finally {
      await stack.close();
    }
  }
  return { latencyMs: o.latencyMs, horizonDays: HORIZON_DAYS, sizes };
}
