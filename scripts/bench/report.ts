import type { BenchResults } from './bench-results';
import { replicaNotes, replicaRows } from './replica-report';
import { ms, round, seconds } from './stats';

/** The stdout report: one table per part, the figures docs/performance.md quotes. */

function table(head: string[], rows: Array<Array<string | number>>): string {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const widths = head.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const range = (r: { p50: number; min: number; max: number }) => (r.min === r.max ? String(r.p50) : `${r.p50} (${r.min}–${r.max})`);
const list = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, v]) => `    ${String(v).padStart(4)}  ${k}`)
    .join('\n');

export function renderReport(r: BenchResults): string {
  const out: string[] = [];
  out.push(`Throughline benchmarks — ${r.machine.cpus} × ${r.machine.cpuModel}, ${r.machine.memoryGb} GB, Node ${r.machine.node}, ${r.machine.platform}`);

  if (r.gate) {
    const g = r.gate;
    out.push(`\nGate — signed webhook batches of closed-won events (half blocked, half passing), ${g.latencyMs} ms per HubSpot call`);
    out.push(
      table(
        [
          'events',
          'reps',
          'calls',
          'lower bound',
          'calls/LB',
          'p50',
          'p99',
          'naive reps',
          'naive calls',
          'naive p50',
          'naive p99',
          'naive/TL calls',
          'naive/TL time',
          're-delivery calls (writes)',
          'wrong',
        ],
        g.sizes.map((s) => [
          s.size,
          s.throughline.reps,
          range(s.throughline.calls),
          range(s.throughline.lowerBound),
          `${s.throughline.callsOverLowerBound}×`,
          ms(s.throughline.answerMs.p50),
          ms(s.throughline.answerMs.p99),
          s.naive.reps,
          range(s.naive.calls),
          ms(s.naive.answerMs.p50),
          ms(s.naive.answerMs.p99),
          `${s.naiveOverThroughline.calls}×`,
          `${s.naiveOverThroughline.timeP50}×`,
          `${s.redelivery.calls} (${s.redelivery.writes})`,
          s.throughline.wrongDecisions + s.naive.wrongDecisions,
        ]),
      ),
    );
    for (const s of g.sizes.filter((x) => Object.keys(x.throughline.byKind).length > 1 || !x.throughline.byKind.mixed)) {
      const kinds = Object.entries(s.throughline.byKind).map(([k, v]) => {
        const n = s.naive.byKind[k];
        return `${k}: ${v.calls} calls (lower bound ${v.lowerBound}), p50 ${v.answerMsP50} ms${n ? ` — naive ${n.calls} calls, p50 ${n.answerMsP50} ms` : ''}`;
      });
      out.push(`  ${s.size}-event batches — ${kinds.join('; ')}`);
    }
    out.push(`  warm-up, once per process (not in the figures above): ${g.warmUp.total} calls\n${list(g.warmUp.byOperation)}`);
    const big = g.sizes[g.sizes.length - 1];
    if (big) {
      const l = big.throughline.lastRep;
      out.push(
        `  ${big.size}-event batch, by operation: ${l.lowerBoundScope} in the lower bound's scope, ${l.idempotencyChecks} idempotency checks, ${l.passedDealEffects} passed-deal effects (contract, customer status); ${l.roundTrips} sequential round trips\n${list(l.byOperation)}`,
      );
      out.push(`  naive ${big.size}-event batch, by endpoint:\n${list(big.naive.byEndpoint)}`);
    }
  }

  if (r.renewals) {
    const rn = r.renewals;
    out.push(`\nRenewal scan — horizon ${rn.horizonDays} days, ${rn.latencyMs} ms per call, search limit 5/s enforced by the stand-in`);
    const rows = rn.sizes.flatMap((s) =>
      (['first', 'sameDay', 'nextDay', 'backstop'] as const).map((k) => {
        const m = s[k];
        return [
          s.contracts,
          `${{ first: 'first', sameDay: 'same day again', nextDay: 'next day', backstop: 'backstop' }[k]} (${m.scope})`,
          seconds(m.wallMs),
          m.calls.total,
          m.searchCalls,
          m.maxSearchesPerSecond,
          m.calls.faults.searchLimit429 + m.calls.faults.rollingLimit429,
          m.calls.writes,
          m.outcome.remindersCreated,
          `${m.secondsAt190Per10s} s`,
        ];
      }),
    );
    out.push(table(['contracts', 'scan', 'wall', 'calls', 'searches', 'max search/s', '429s', 'writes', 'tasks', 'calls at 190/10 s'], rows));
  }

  if (r.provision) {
    const p = r.provision;
    out.push(`\nProvisioning — ${p.latencyMs} ms per call`);
    out.push(
      table(
        ['run', 'calls', 'reads', 'writes', 'wall', 'plan'],
        (['fresh', 'reapply'] as const).map((k) => [
          k === 'fresh' ? 'fresh portal' : 're-apply',
          p[k].calls.total,
          p[k].calls.reads,
          p[k].calls.writes,
          seconds(p[k].wallMs),
          `${p[k].plan.create} create, ${p[k].plan.update} update, ${p[k].plan.noop} no-op`,
        ]),
      ),
    );
  }

  if (r.load) {
    const l = r.load;
    out.push(
      `\nService under load — ${l.seconds} s at ${l.targetEventsPerSecond} events/s, service in its own process (${l.runtime}), stand-in with 190/10 s limit`,
    );
    out.push(
      table(
        ['what', 'value'],
        [
          [
            'events sent (per s)',
            `${l.sent.events} (${l.sent.eventsPerSecond}/s) in ${l.sent.batches} batches; ${l.sent.notSentBackpressure} batches not sent (10 in flight)`,
          ],
          ['answer p50 / p99, all batches', `${ms(l.answers.all.p50)} / ${ms(l.answers.all.p99)} (max ${ms(l.answers.all.max)})`],
          ['answer p50 / p99, batches with gated deals', `${ms(l.answers.gatedBatches.p50)} / ${ms(l.answers.gatedBatches.p99)}`],
          ['answer p50 / p99, other batches', `${ms(l.answers.otherBatches.p50)} / ${ms(l.answers.otherBatches.p99)}`],
          ['errors', `non-200 ${JSON.stringify(l.answers.non200)}, network ${l.answers.networkErrors}, deferred ${l.answers.deferred}`],
          ['RSS idle → min / max / last → after', `${l.rss.idleMb} → ${l.rss.minMb} / ${l.rss.maxMb} / ${l.rss.lastMb} → ${l.rss.afterMb} MB`],
          ['RSS slope (whole run / second half)', `${l.rss.slopeMbPerMin} / ${l.rss.slopeSecondHalfMbPerMin} MB per minute`],
          [
            'V8 heap used min / max / last (slope, second half)',
            l.heap ? `${l.heap.minMb} / ${l.heap.maxMb} / ${l.heap.lastMb} MB (${l.heap.slopeSecondHalfMbPerMin} MB per minute)` : 'no /metrics',
          ],
          [
            'HubSpot calls (max per 10 s)',
            `${l.hubspot.calls.total} (${l.hubspot.maxCallsPer10s}); 429s ${l.hubspot.calls.faults.rollingLimit429 + l.hubspot.calls.faults.searchLimit429}`,
          ],
          [
            'fresh gated deals decided correctly',
            `${l.decisions.fresh - l.decisions.wrong}/${l.decisions.fresh} (${l.decisions.blocked} blocked, ${l.decisions.passed} passed); duplicate tasks ${l.decisions.duplicateTasks}`,
          ],
          ['service log', JSON.stringify(l.serviceLog)],
        ],
      ),
    );
  }
  if (r.replicas && 'skipped' in r.replicas) out.push(`\nTwo replicas — skipped: ${r.replicas.skipped}`);
  else if (r.replicas) {
    const t = replicaRows(r.replicas);
    out.push(`\n${t.title}`, table(t.head, t.rows), ...replicaNotes(r.replicas));
  }
  out.push(`\nTotal ${round(r.durationMs / 1000, 0)} s; results in ${r.args.out}\n`);
  return out.join('\n');
}
