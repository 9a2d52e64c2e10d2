import { commitmentReasons } from '../commitments/commitment-reasons';
import type { DeliveryAssessment, DeliveryFigures, DeliveryHealth, DeliveryPolicy } from './assessment';
import { summariseBilling } from './billing';
import { summariseBurn, type BurnSummary } from './burn';
import { summariseChangeOrders } from './change-orders';
import type { DeliveryInputs } from './delivery-inputs';
import { evaluateHealthRules } from './health-rules';
import { assessMargin } from './margin';
import { summariseProjects } from './projects';
import { summariseTickets } from './tickets';

const NO_BURN: BurnSummary = {
  figures: { hoursBudget: null, hoursLogged: null, burnPct: null, timeElapsedPct: null },
  missing: ['Not enough data to say anything about hours or the timeline: the deal has no approved scope'],
};

/**
 * One deal's delivery: health, the reasons in words, and the figures rolled up onto the deal.
 * Pure: `now` is passed in; every figure without the data behind it is null, and `missing` says why.
 * Before kickoff (or without a scope) the health is not started, once closed it is closed;
 * otherwise the worst rule that trips wins, and none tripping is on track.
 */
export function assessDelivery(inputs: DeliveryInputs, now: Date, policy: DeliveryPolicy): DeliveryAssessment {
  const { scope } = inputs;
  const currency = inputs.deal.currency ?? policy.portalCurrency;
  const changeOrders = summariseChangeOrders(inputs.changeOrders, now);
  const coHours =
    changeOrders.figures.billedHours !== null && changeOrders.figures.absorbedHours !== null
      ? changeOrders.figures.billedHours + changeOrders.figures.absorbedHours
      : null;
  const burn = scope ? summariseBurn(scope, coHours, now) : NO_BURN;
  const tickets = summariseTickets(inputs.tickets, policy, now);
  const billing = summariseBilling(inputs.invoices, currency, policy, now);
  const projects = summariseProjects(inputs.projects, now);
  const margin = scope
    ? assessMargin(
        { amount: inputs.deal.amount, dealCurrency: currency, scope, hoursBudget: burn.figures.hoursBudget, changeOrders: changeOrders.figures },
        policy,
      )
    : { figures: { plannedPct: null, nowPct: null, basis: null, pointsLost: [] }, missing: [] };

  const figures: DeliveryFigures = {
    currency,
    ...burn.figures,
    changeOrders: changeOrders.figures,
    tickets: tickets.figures,
    billing: billing.figures,
    margin: margin.figures,
  };
  const missing = [...burn.missing, ...changeOrders.missing, ...margin.missing, ...tickets.missing, ...billing.missing, ...projects.missing];

  const phase = scope?.phase ?? null;
  if (scope === null || phase === null || phase === 'not_started') {
    const why = scope === null ? 'the deal has no approved scope' : phase === null ? 'the scope has no delivery phase' : "the scope's phase is not started";
    return { health: 'not_started', reasons: [`Delivery has not started: ${why}`], findings: [], missing, figures };
  }
  if (phase === 'closed') return { health: 'closed', reasons: ['Delivery is closed'], findings: [], missing, figures };

  const rules = evaluateHealthRules(
    {
      phase,
      currency,
      burn: burn.figures,
      pendingChangeOrders: changeOrders.pending,
      nextMilestone: { name: scope.nextMilestone, date: scope.nextMilestoneDate },
      urgentTickets: tickets.urgent,
      overdueInvoices: billing.overdue,
      lateProjects: projects.late,
    },
    policy.thresholds,
    now,
  );
  // Rule findings come worst first; promises are at risk at worst (never off track), so they go last.
  const promises = commitmentReasons(inputs.commitments ?? []).map(({ rule, health: h, reason }) => ({ rule, health: h, reason }));
  const findings = [...rules.findings, ...promises];
  const health: DeliveryHealth = findings[0]?.health ?? 'on_track';
  return { health, reasons: findings.map((f) => f.reason), findings, missing: [...missing, ...rules.missing], figures };
}
