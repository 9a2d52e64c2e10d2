import { validationError } from '../errors';
import type { ObjectTypeDef } from '../store/object-types';
import type { SandboxStore } from '../store/store';
import type { ObjectRecord, PropertyDef } from '../store/types';
import { compare, comparable, tokenMatches } from './compare';
import type { Filter } from './request';

/** Filter groups: OR of groups, AND of filters within a group. */

export type RecordPredicate = (record: ObjectRecord) => boolean;

function propertyPredicate(def: PropertyDef, filter: Filter): RecordPredicate {
  const multi = def.type === 'enumeration' && def.fieldType === 'checkbox';
  const valuesOf = (record: ObjectRecord): string[] => {
    const v = record.properties.get(def.name) ?? '';
    if (v === '') return [];
    return multi ? v.split(';') : [v];
  };
  const equals = (stored: string, wanted: string): boolean => {
    const a = comparable(def, stored);
    const b = comparable(def, wanted);
    return a !== undefined && b !== undefined && compare(a, b) === 0;
  };
  const cmp = (stored: string, wanted: string, ok: (n: number) => boolean): boolean => {
    const a = comparable(def, stored);
    const b = comparable(def, wanted);
    if (a === undefined || b === undefined) return false;
    const c = compare(a, b);
    return c !== undefined && ok(c);
  };
  const { value = '', highValue = '', values = [] } = filter;
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return (r) => valuesOf(r).length > 0;
    case 'NOT_HAS_PROPERTY':
      return (r) => valuesOf(r).length === 0;
    case 'EQ':
      return (r) => valuesOf(r).some((v) => equals(v, value));
    case 'NEQ':
      return (r) => !valuesOf(r).some((v) => equals(v, value));
    case 'IN':
      return (r) => valuesOf(r).some((v) => values.some((w) => equals(v, w)));
    case 'NOT_IN':
      return (r) => !valuesOf(r).some((v) => values.some((w) => equals(v, w)));
    case 'LT':
      return (r) => valuesOf(r).some((v) => cmp(v, value, (c) => c < 0));
    case 'LTE':
      return (r) => valuesOf(r).some((v) => cmp(v, value, (c) => c <= 0));
    case 'GT':
      return (r) => valuesOf(r).some((v) => cmp(v, value, (c) => c > 0));
    case 'GTE':
      return (r) => valuesOf(r).some((v) => cmp(v, value, (c) => c >= 0));
    case 'BETWEEN':
      return (r) => valuesOf(r).some((v) => cmp(v, value, (c) => c >= 0) && cmp(v, highValue, (c) => c <= 0));
    case 'CONTAINS_TOKEN':
      return (r) => valuesOf(r).some((v) => tokenMatches(v, value));
    case 'NOT_CONTAINS_TOKEN':
      return (r) => !valuesOf(r).some((v) => tokenMatches(v, value));
  }
}

/** `associations.deal` EQ/IN id: records associated with those records. */
function associationPredicate(store: SandboxStore, type: ObjectTypeDef, filter: Filter): RecordPredicate {
  const targetToken = filter.propertyName.slice('associations.'.length);
  const target = store.types.find(targetToken);
  if (!target) throw validationError(`Unknown object type in filter ${filter.propertyName}.`);
  const ids = filter.operator === 'IN' ? (filter.values ?? []) : filter.operator === 'EQ' ? [filter.value ?? ''] : undefined;
  if (!ids) throw validationError(`Filter ${filter.propertyName} supports only EQ and IN.`);
  return (record) => store.associations.associated(type.objectTypeId, record.id, target.objectTypeId).some((a) => ids.includes(a.toObjectId));
}

export function compileFilterGroups(store: SandboxStore, type: ObjectTypeDef, groups: Filter[][]): RecordPredicate {
  const compiled = groups.map((filters) =>
    filters.map((filter) => {
      if (filter.propertyName.startsWith('associations.')) return associationPredicate(store, type, filter);
      const def = store.properties.get(type.objectTypeId, filter.propertyName);
      if (!def) throw validationError(`Unknown property ${filter.propertyName} for ${type.name} in a search filter.`);
      return propertyPredicate(def, filter);
    }),
  );
  if (compiled.length === 0) return () => true;
  return (record) => compiled.some((group) => group.every((p) => p(record)));
}
