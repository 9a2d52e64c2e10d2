import type { ObjectTypeRegistry } from '../store/object-types';

/**
 * A subscription's objectType may be a profile variable, `${SERVICE_CONTRACT_OBJECT_TYPE_ID}`, as
 * in a project's webhooks-hsmeta.json; an upload substitutes the profile's value (a `2-…` id).
 * The stand-in takes values from `variables`; a `${NAME_OBJECT_TYPE_ID}` without one stands, as a
 * stand-in convenience, for the `2-…` id of the custom object named `name` once it exists — the
 * value a profile holds after provisioning. Resolved at each change, so a schema created (or
 * re-created after a reset) later is matched too. Any other unknown variable matches nothing.
 */

const VARIABLE = /^\$\{([A-Za-z0-9_]+)\}$/;
const OBJECT_TYPE_ID_SUFFIX = '_OBJECT_TYPE_ID';

/** The object type a subscription names, its variable resolved; undefined when it stands for nothing (yet). */
export function subscribedObjectType(objectType: string, variables: Readonly<Record<string, string>>, types: ObjectTypeRegistry): string | undefined {
  const name = VARIABLE.exec(objectType)?.[1];
  if (name === undefined) return objectType;
  const value = variables[name];
  if (value) return value;
  if (!name.endsWith(OBJECT_TYPE_ID_SUFFIX)) return undefined;
  const custom = types.find(name.slice(0, -OBJECT_TYPE_ID_SUFFIX.length).toLowerCase());
  return custom?.custom ? custom.objectTypeId : undefined;
}
