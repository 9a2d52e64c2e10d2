/** The property types HubSpot accepts and the field types that go with each. */

export const PROPERTY_TYPES = ['string', 'number', 'date', 'datetime', 'enumeration', 'bool'] as const;
export type PropertyType = (typeof PROPERTY_TYPES)[number];

export const FIELD_TYPES_BY_TYPE: Record<PropertyType, readonly string[]> = {
  string: ['text', 'textarea', 'html', 'phonenumber', 'file'],
  number: ['number'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox'],
  bool: ['booleancheckbox'],
};

export const FIELD_TYPES = [...new Set(Object.values(FIELD_TYPES_BY_TYPE).flat())] as [string, ...string[]];
