import { assessDelivery } from '../../../src/delivery';
import type { DeliveryPlan } from '../../../src/delivery/plan-delivery';
import { renderDeliveryPreview } from '../../../src/delivery/render-delivery-preview';
import { inputs, NOW, policy, scope } from './fixtures';

const plan = (overrides: Partial<DeliveryPlan>): DeliveryPlan => ({
  dealId: '101',
  dealName: 'Acme rebuild',
  previousHealth: 'on_track',
  assessment: assessDelivery(inputs({ scope: scope({ hoursLogged: 390 }) }), NOW, policy),
  dealProperties: {},
  openTasks: [],
  completeTasks: [],
  wentOffTrack: false,
  ...overrides,
});

it('lists per deal the health move, the properties, the tasks and the status event a real run would write', () => {
  const worse = plan({
    dealProperties: {
      delivery_health: 'at_risk',
      delivery_health_reasons: `${'Hours are 40 points ahead of time elapsed '.repeat(3)}\nmore`,
      delivery_overdue_amount: '',
    },
    openTasks: [
      {
        key: 'k',
        dealId: '101',
        remembered: { on: 'deal', property: 'delivery_ae_task_id' },
        knownId: '9001',
        ownerId: '7001',
        subject: '[Throughline delivery] Acme rebuild is at risk',
        body: '',
        priority: 'MEDIUM',
      },
    ],
    completeTasks: [{ taskId: '9002', changeOrderId: '401' }],
    wentOffTrack: true,
  });
  const text = renderDeliveryPreview([worse, plan({ dealId: '102', dealName: 'Quiet', previousHealth: null })]).split('\n');
  expect(text[0]).toBe(`Deal 101 “Acme rebuild”: on_track → ${worse.assessment.health}`);
  expect(text).toContain('  would set delivery_health = at_risk');
  expect(text.find((l) => l.startsWith('  would set delivery_health_reasons'))).toMatch(
    /^ {2}would set delivery_health_reasons = Hours are 40 points .{20,}…$/,
  );
  expect(text).toContain('  would set delivery_overdue_amount = (empty)');
  expect(text).toContain('  would update task 9001 for owner 7001: [Throughline delivery] Acme rebuild is at risk');
  expect(text).toContain('  would complete task 9002 (change order 401 decided)');
  expect(text).toContain('  would report the deal off track to its companies’ customer status');
  expect(text[text.length - 1]).toBe(`Deal 102 “Quiet”: never assessed → ${worse.assessment.health} — nothing to write`);
});
