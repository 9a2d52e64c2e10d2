import type { GateService } from '../gate/gate-service';
import { recordGateRun, type Metrics } from '../metrics';

/** Every gate run (webhooks, sweep, the card's recheck) counts its decisions. */
export function withGateMetrics(gate: GateService, metrics: Metrics | undefined): GateService {
  if (!metrics) return gate;
  return {
    ...gate,
    gateDeals: async (dealIds, now) => {
      const run = await gate.gateDeals(dealIds, now);
      recordGateRun(metrics, run);
      return run;
    },
  };
}
