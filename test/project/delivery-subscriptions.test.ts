import { loadModel } from '../../src/model';
import { deliverySubscriptions } from '../../src/project/delivery-subscriptions';
import { OBJECT_TYPE_ID_VARIABLE, STANDARD_SUBSCRIPTION_OBJECTS } from '../../src/project/object-type-ids';

const model = loadModel('schemas');
const named = (subs: ReturnType<typeof deliverySubscriptions>) =>
  subs.map((s) => `${s.subscriptionType} ${s.objectType}${s.propertyName ? ` ${s.propertyName}` : ''}`);

it('lists change orders, the scope’s delivery properties, ticket stage/priority and invoice status/balance, from schemas/', () => {
  expect(named(deliverySubscriptions(model))).toEqual([
    'object.creation ${CHANGE_ORDER_OBJECT_TYPE_ID}',
    ...['change_order_title', 'change_order_cause', 'change_order_hours', 'change_order_amount', 'change_order_decision', 'change_order_decision_reason'].map(
      (p) => `object.propertyChange \${CHANGE_ORDER_OBJECT_TYPE_ID} ${p}`,
    ),
    ...[
      'delivery_phase',
      'delivery_start_date',
      'delivery_timeline_weeks',
      'proposal_hours',
      'delivery_estimate_hours',
      'hours_logged',
      'hours_remaining',
      'next_milestone',
      'next_milestone_date',
      'cost_rate_per_hour',
    ].map((p) => `object.propertyChange \${DELIVERY_SCOPE_OBJECT_TYPE_ID} ${p}`),
    'object.propertyChange ticket hs_pipeline_stage',
    'object.propertyChange ticket hs_ticket_priority',
    'object.propertyChange invoice hs_invoice_status',
    'object.propertyChange invoice hs_balance_due',
  ]);
  for (const s of deliverySubscriptions(model)) {
    expect(STANDARD_SUBSCRIPTION_OBJECTS.has(s.objectType) || OBJECT_TYPE_ID_VARIABLE.test(s.objectType.slice(2, -1))).toBe(true);
    expect(s.active).toBe(true);
  }
});

it('leaves out sources switched off and, when asked, the custom objects', () => {
  const off = {
    ...model,
    deliveryHealth: {
      ...model.deliveryHealth,
      sources: { ...model.deliveryHealth.sources, invoices: { ...model.deliveryHealth.sources.invoices, enabled: false } },
    },
  };
  expect(named(deliverySubscriptions(off, { withoutCustomObjects: true }))).toEqual([
    'object.propertyChange ticket hs_pipeline_stage',
    'object.propertyChange ticket hs_ticket_priority',
  ]);
  expect(deliverySubscriptions(model, { objectTypeOf: (n) => (n === 'change_order' ? '2-400' : '2-100') })[0]).toEqual({
    subscriptionType: 'object.creation',
    objectType: '2-400',
    active: true,
  });
});
