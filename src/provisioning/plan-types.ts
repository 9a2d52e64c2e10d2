import type {
  GroupCreateBody,
  GroupUpdateBody,
  LabelCreateBody,
  ObjectSchemaCreateBody,
  ObjectSchemaPatchBody,
  PropertyCreateBody,
  PropertyUpdateBody,
} from '../hubspot/portal-types';

export type ChangeKind = 'create' | 'update' | 'noop' | 'conflict' | 'drift';

/** What a change is about. Object types are model names (`deals`, `delivery_scope`), never ids. */
export type Target =
  | { type: 'object'; object: string }
  | { type: 'association'; object: string; with: string }
  | { type: 'group'; objectType: string; name: string }
  | { type: 'property'; objectType: string; name: string }
  | { type: 'label'; from: string; to: string; label: string };

/**
 * The exact call apply makes. Custom object names in `object`, `objectType`, `from` and `to` are
 * resolved to objectTypeIds at apply time, because a fresh object has none until it is created.
 */
export type Action =
  | { op: 'createObject'; body: ObjectSchemaCreateBody }
  | { op: 'createObjectAssociation'; object: string; toObjectTypeId: string }
  | { op: 'updateObject'; object: string; body: ObjectSchemaPatchBody }
  | { op: 'createGroup'; objectType: string; body: GroupCreateBody }
  | { op: 'updateGroup'; objectType: string; group: string; body: GroupUpdateBody }
  | { op: 'createProperty'; objectType: string; body: PropertyCreateBody }
  | { op: 'updateProperty'; objectType: string; property: string; body: PropertyUpdateBody }
  | { op: 'createLabel'; from: string; to: string; body: LabelCreateBody };

export interface Change {
  kind: ChangeKind;
  target: Target;
  reason: string;
  /** Present exactly for create and update. */
  action?: Action;
}

export interface PlanSummary {
  create: number;
  update: number;
  noop: number;
  conflict: number;
  drift: number;
}

export interface Plan {
  changes: Change[];
  /** objectTypeIds of the model's custom objects that already exist, by name. */
  objectTypeIds: Record<string, string>;
  summary: PlanSummary;
}

export function summarize(changes: Change[]): PlanSummary {
  const summary: PlanSummary = { create: 0, update: 0, noop: 0, conflict: 0, drift: 0 };
  for (const c of changes) summary[c.kind]++;
  return summary;
}
