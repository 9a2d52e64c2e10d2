import type { CreateOutcome, PropertyCreateBody } from '../hubspot/portal-types';
import type { PortalReader, PortalWriter } from './gateway';
import { objectTypeResolver } from './object-types';
import type { Action, Change, Plan } from './plan-types';

export type ApplyOutcome = CreateOutcome | 'updated';

export interface ApplySummary {
  created: number;
  updated: number;
  /** Creates HubSpot answered with 409: done by an earlier, interrupted or racing run. */
  existed: number;
  conflicts: number;
  drift: number;
}

export interface ApplyOptions {
  onProgress?: (change: Change, outcome: ApplyOutcome) => void;
  /** A custom object's objectTypeId (`2-…`), once it is created. */
  onObjectType?: (name: string, objectTypeId: string) => void;
}

/** A write failed; `changes` are the ones the failing call carried, `summary` what was done before it. */
export class ApplyError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly changes: Change[],
    readonly summary: ApplySummary,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'ApplyError';
  }
}

/** Objects before what hangs off them; groups before properties; schema PATCHes once their properties exist; labels last. */
const PHASE: Record<Action['op'], number> = {
  createObject: 0,
  createObjectAssociation: 1,
  createGroup: 2,
  updateGroup: 2,
  createProperty: 3,
  updateProperty: 3,
  updateObject: 4,
  createLabel: 5,
};

type Gateway = PortalWriter & Pick<PortalReader, 'listObjectSchemas'>;
type Write = Change & { action: Action };

/**
 * Executes a plan's creates and updates in dependency order; conflicts and drift are never touched.
 * Safe to run again after a failure: the next run re-reads the portal, and creates answered with
 * 409 count as done.
 */
export async function applyPlan(plan: Plan, gateway: Gateway, options: ApplyOptions = {}): Promise<ApplySummary> {
  const summary: ApplySummary = { created: 0, updated: 0, existed: 0, conflicts: plan.summary.conflict, drift: plan.summary.drift };
  const ids: Record<string, string> = { ...plan.objectTypeIds };
  const typeOf = (name: string): string => {
    const resolved = objectTypeResolver(ids)(name);
    if (!resolved) throw new Error(`custom object ${name} has no objectTypeId: it was not created`);
    return resolved;
  };
  const done = (change: Change, outcome: ApplyOutcome) => {
    summary[outcome === 'updated' ? 'updated' : outcome]++;
    options.onProgress?.(change, outcome);
  };
  const attempt = async (changes: Change[], fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (err) {
      throw new ApplyError(err, changes, { ...summary });
    }
  };

  const writes = plan.changes.filter((c): c is Write => c.action !== undefined);
  for (const phase of [0, 1, 2, 3, 4, 5]) {
    const inPhase = writes.filter((c) => PHASE[c.action.op] === phase);
    for (const [objectType, batch] of propertyBatches(inPhase)) {
      await attempt(
        batch.map((b) => b.change),
        async () => {
          const outcomes = await gateway.createProperties(
            typeOf(objectType),
            batch.map((b) => b.body),
          );
          for (const { change, body } of batch) done(change, outcomes.get(body.name) ?? 'created');
        },
      );
    }
    for (const change of inPhase) {
      const action = change.action;
      if (action.op === 'createProperty') continue;
      await attempt([change], async () => done(change, await write(action)));
    }
  }
  return summary;

  async function write(action: Exclude<Action, { op: 'createProperty' }>): Promise<ApplyOutcome> {
    switch (action.op) {
      case 'createObject': {
        const { outcome, schema } = await gateway.createObjectSchema(action.body);
        const id = schema?.objectTypeId ?? (await gateway.listObjectSchemas()).find((s) => s.name === action.body.name)?.objectTypeId;
        if (id) {
          ids[action.body.name] = id;
          options.onObjectType?.(action.body.name, id);
        }
        return outcome;
      }
      case 'createObjectAssociation':
        return gateway.createObjectAssociation(typeOf(action.object), action.toObjectTypeId);
      case 'updateObject':
        await gateway.updateObjectSchema(typeOf(action.object), action.body);
        return 'updated';
      case 'createGroup':
        return gateway.createGroup(typeOf(action.objectType), action.body);
      case 'updateGroup':
        await gateway.updateGroup(typeOf(action.objectType), action.group, action.body);
        return 'updated';
      case 'updateProperty':
        await gateway.updateProperty(typeOf(action.objectType), action.property, action.body);
        return 'updated';
      case 'createLabel':
        return gateway.createLabel(typeOf(action.from), typeOf(action.to), action.body);
    }
  }
}

/** Property creates grouped per object type, in plan order (which is group order). */
function propertyBatches(changes: Write[]): Map<string, Array<{ change: Change; body: PropertyCreateBody }>> {
  const batches = new Map<string, Array<{ change: Change; body: PropertyCreateBody }>>();
  for (const change of changes) {
    const action = change.action;
    if (action.op !== 'createProperty') continue;
    batches.set(action.objectType, [...(batches.get(action.objectType) ?? []), { change, body: action.body }]);
  }
  return batches;
}
