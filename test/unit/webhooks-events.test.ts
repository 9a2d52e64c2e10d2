import { isPropertyChange, parseEventBatch, type HubSpotEvent } from '../../src/webhooks/events';
import { isOwnWrite, partitionOwnWrites } from '../../src/webhooks/own-writes';
import { normaliseSubscriptionType } from '../../src/webhooks/subscription-types';
import { hubspotEvent } from '../helpers/sign';

function parsedOk(body: unknown, maxEvents?: number) {
  const result = parseEventBatch(body, { maxEvents });
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

describe('parseEventBatch', () => {
  it('parses a batch of HubSpot events and keeps unknown fields', () => {
    const result = parsedOk([hubspotEvent(), hubspotEvent({ eventId: 101, subscriptionType: 'object.creation', changeFlag: 'NEW', extra: { a: 1 } })]);
    expect(result.received).toBe(2);
    expect(result.unknownType).toEqual([]);
    expect(result.invalid).toEqual([]);
    const [change, creation] = result.events as [HubSpotEvent, HubSpotEvent];
    expect(change).toMatchObject({
      subscriptionType: 'object.propertyChange',
      objectId: 9001,
      objectTypeId: '0-3',
      propertyName: 'dealstage',
      propertyValue: 'closedwon',
    });
    expect(isPropertyChange(change)).toBe(true);
    expect(creation).toMatchObject({ subscriptionType: 'object.creation', changeFlag: 'NEW', extra: { a: 1 } });
    expect(isPropertyChange(creation)).toBe(false);
  });

  it('accepts an empty array', () => {
    expect(parsedOk([])).toMatchObject({ received: 0, events: [] });
  });

  it('normalises legacy names to object.* with an objectTypeId', () => {
    const legacy = hubspotEvent({ subscriptionType: 'deal.propertyChange', objectTypeId: undefined });
    const result = parsedOk([
      legacy,
      hubspotEvent({ subscriptionType: 'company.creation', objectTypeId: undefined }),
      hubspotEvent({ subscriptionType: 'contact.deletion', objectTypeId: undefined }),
    ]);
    expect(result.events.map((e) => [e.subscriptionType, e.objectTypeId, e.legacySubscriptionType])).toEqual([
      ['object.propertyChange', '0-3', 'deal.propertyChange'],
      ['object.creation', '0-2', 'company.creation'],
      ['object.deletion', '0-1', 'contact.deletion'],
    ]);
    expect(normaliseSubscriptionType('object.merge')).toEqual({ subscriptionType: 'object.merge' });
    expect(normaliseSubscriptionType('ticket.restore')).toEqual({ subscriptionType: 'object.restore', objectTypeId: '0-5', legacyName: 'ticket.restore' });
  });

  it('skips and counts unknown subscription types, including prototype-looking names', () => {
    const names = [
      'contact.privacyDeletion',
      'conversation.creation',
      'object.somethingNew',
      'constructor.creation',
      '__proto__.creation',
      'dealstage',
      '',
      'object.',
    ];
    const result = parsedOk([hubspotEvent(), ...names.map((subscriptionType, i) => hubspotEvent({ eventId: i, subscriptionType }))]);
    expect(result.events).toHaveLength(1);
    expect(result.unknownType.map((u) => u.subscriptionType)).toEqual(names);
    expect(result.invalid).toEqual([]);
  });

  it('skips and counts invalid items without losing the valid ones', () => {
    const result = parsedOk([
      hubspotEvent({ eventId: 1 }),
      hubspotEvent({ eventId: 2, propertyValue: 42 }),
      hubspotEvent({ eventId: 3, propertyValue: true }),
      hubspotEvent({ eventId: 4, propertyValue: { nested: 'x' } }),
      hubspotEvent({ eventId: 5, objectId: 'abc' }),
      hubspotEvent({ eventId: 6, objectId: undefined }),
      hubspotEvent({ eventId: 7, subscriptionType: 42 }),
      hubspotEvent({ eventId: 8, objectTypeId: 'deals' }),
      hubspotEvent({ eventId: 'x9', occurredAt: 1.5 }),
      {},
      hubspotEvent({ eventId: 10 }),
    ]);
    expect(result.events.map((e) => e.eventId)).toEqual([1, 10]);
    expect(result.invalid.map((i) => i.index)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(result.invalid[0]).toMatchObject({ eventId: 2, issues: [expect.stringMatching(/^propertyValue: /)] });
    expect(JSON.stringify(result.invalid)).not.toContain('nested');
  });

  it('accepts digit-string ids (normalised to numbers) and null optional fields (dropped)', () => {
    const [event] = parsedOk([hubspotEvent({ objectId: '9001', portalId: '62515', propertyValue: null, sourceId: null })]).events;
    expect(event).toMatchObject({ objectId: 9001, portalId: 62515 });
    expect(event).not.toHaveProperty('propertyValue', null);
    expect(event?.propertyValue).toBeUndefined();
  });

  it('validates association changes on their own fields', () => {
    const association = {
      ...hubspotEvent({ subscriptionType: 'object.associationChange', objectId: undefined, propertyName: undefined, propertyValue: undefined }),
      fromObjectId: 1,
      toObjectId: 2,
      associationRemoved: false,
      associationType: 'DEAL_TO_COMPANY',
    };
    const result = parsedOk([association, { ...association, toObjectId: undefined }]);
    expect(result.events).toHaveLength(1);
    expect(result.events[0]).toMatchObject({ fromObjectId: 1, toObjectId: 2 });
    expect(result.invalid).toHaveLength(1);
  });

  it('rejects a body that is not an array', () => {
    for (const body of [{ events: [] }, 'x', 42, null, true]) {
      expect(parseEventBatch(body)).toMatchObject({ ok: false, code: 'not_an_array' });
    }
  });

  it('rejects an array whose items are not objects', () => {
    for (const item of [1, 'x', null, [hubspotEvent()]]) {
      expect(parseEventBatch([hubspotEvent(), item])).toMatchObject({ ok: false, code: 'invalid_batch', message: expect.stringContaining('Item 1') });
    }
  });

  it('rejects more than maxEvents items before looking at them', () => {
    expect(parseEventBatch(new Array(1_001).fill(1))).toMatchObject({ ok: false, code: 'too_many_events', received: 1_001 });
    expect(parseEventBatch(new Array(11).fill({}), { maxEvents: 10 })).toMatchObject({ ok: false, code: 'too_many_events' });
    expect(parsedOk(new Array(1_000).fill(hubspotEvent())).events).toHaveLength(1_000);
  });
});

describe('own writes', () => {
  const APP = '1234567';

  it('recognises writes made with this app token', () => {
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: APP }, APP)).toBe(true);
    expect(isOwnWrite({ changeSource: 'API', sourceId: APP }, APP)).toBe(true);
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: `app:${APP}` }, APP)).toBe(true);
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: `appId:${APP}` }, APP)).toBe(true);
  });

  it('leaves everything else to the gate', () => {
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: '7654321' }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: `${APP}9` }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'CRM_UI', sourceId: 'userId:42' }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'CRM_UI', sourceId: APP }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'IMPORT' }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: `userId:${APP}` }, APP)).toBe(false);
    expect(isOwnWrite({ changeSource: 'INTEGRATION', sourceId: APP }, undefined)).toBe(false);
  });

  it('splits a parsed batch, keeping order', () => {
    const { events } = parsedOk([
      hubspotEvent({ eventId: 1 }),
      hubspotEvent({ eventId: 2, changeSource: 'INTEGRATION', sourceId: APP }),
      hubspotEvent({ eventId: 3, changeSource: 'INTEGRATION', sourceId: '999' }),
    ]);
    const { others, ownWrites } = partitionOwnWrites(events, APP);
    expect(others.map((e) => e.eventId)).toEqual([1, 3]);
    expect(ownWrites.map((e) => e.eventId)).toEqual([2]);
  });
});
