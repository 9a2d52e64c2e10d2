import { objectKeyOf } from '../../src/queue/object-key';
import type { HubSpotEvent } from '../../src/webhooks/events';

const base = { eventId: 1, subscriptionId: 2, portalId: 3, occurredAt: 4, attemptNumber: 0 };
const event = (e: Record<string, unknown>) => ({ ...base, ...e }) as unknown as HubSpotEvent;

describe('the queue key of a webhook event', () => {
  it('is the object: type id and id', () => {
    expect(objectKeyOf(event({ subscriptionType: 'object.propertyChange', objectTypeId: '0-3', objectId: 42, propertyName: 'dealstage' }))).toBe('0-3:42');
    expect(objectKeyOf(event({ subscriptionType: 'object.creation', objectTypeId: '2-999', objectId: 7 }))).toBe('2-999:7');
  });

  it('is the deal end of an association change, whichever side it is on', () => {
    const change = { subscriptionType: 'object.associationChange', fromObjectId: 5, toObjectId: 42 };
    expect(objectKeyOf(event({ ...change, fromObjectTypeId: '2-999', toObjectTypeId: '0-3' }))).toBe('0-3:42');
    expect(objectKeyOf(event({ ...change, fromObjectTypeId: '0-3', toObjectTypeId: '2-999' }))).toBe('0-3:5');
    expect(objectKeyOf(event({ ...change, fromObjectTypeId: '0-2', toObjectTypeId: '0-1' }))).toBe('0-2:5');
  });

  it('is the surviving record of a merge, and nothing for an event without an object', () => {
    expect(objectKeyOf(event({ subscriptionType: 'object.merge', objectTypeId: '0-3', objectId: 1, primaryObjectId: 2, newObjectId: 3 }))).toBe('0-3:3');
    expect(objectKeyOf(event({ subscriptionType: 'object.merge', objectTypeId: '0-3', primaryObjectId: 2 }))).toBe('0-3:2');
    expect(objectKeyOf(event({ subscriptionType: 'object.merge', objectId: 1 }))).toBeUndefined();
  });
});
