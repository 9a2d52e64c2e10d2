import { deliveryEvents } from '../../src/runtime/route-events';
import type { Runtime } from '../../src/runtime/runtime';
import type { HubSpotEvent } from '../../src/webhooks/events';

const SCOPE = '2-1001';
const CONTRACT = '2-1002';
const STATUS = '2-1003';
const CHANGE_ORDER = '2-1004';

const event = (objectTypeId: string, objectId: number, subscriptionType = 'object.propertyChange', propertyName = 'x') =>
  ({
    eventId: objectId,
    subscriptionId: 1,
    portalId: 1,
    occurredAt: 0,
    attemptNumber: 0,
    objectTypeId,
    objectId,
    subscriptionType,
    ...(subscriptionType === 'object.propertyChange' ? { propertyName, propertyValue: 'v' } : {}),
  }) as unknown as HubSpotEvent;

function runtime() {
  let reads = 0;
  const rt = {
    portalTypes: async () => {
      reads++;
      return { scope: SCOPE, contract: CONTRACT, customerStatus: STATUS, roleOf: { [SCOPE]: 'scope', [CONTRACT]: 'contract', [STATUS]: 'customerStatus' } };
    },
  } as unknown as Pick<Runtime, 'portalTypes'>;
  return { rt, reads: () => reads };
}

it('keeps tickets, invoices, projects, the scope and the change order (a custom object none of the gate’s); leaves deals, contracts, statuses and deletions', async () => {
  const { rt } = runtime();
  const kept = await deliveryEvents(rt, [
    event('0-5', 1),
    event('0-53', 2),
    event('0-970', 3),
    event(SCOPE, 4),
    event(CHANGE_ORDER, 5, 'object.creation'),
    event('0-3', 6),
    event(CONTRACT, 7),
    event(STATUS, 8),
    event('0-5', 9, 'object.deletion'),
    event('0-2', 10),
  ]);
  expect(kept.map((e) => ('objectId' in e ? e.objectId : null))).toEqual([1, 2, 3, 4, 5]);
});

it('reads the portal types only when a custom object is among the events', async () => {
  const { rt, reads } = runtime();
  expect(await deliveryEvents(rt, [event('0-5', 1), event('0-3', 2)])).toHaveLength(1);
  expect(await deliveryEvents(rt, [event('0-3', 2)])).toEqual([]);
  expect(reads()).toBe(0);
  await deliveryEvents(rt, [event(SCOPE, 3)]);
  expect(reads()).toBe(1);
});
