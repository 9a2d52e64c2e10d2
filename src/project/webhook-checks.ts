import { SRC_DIR } from './hubspot-project';
import { OBJECT_TYPE_ID, OBJECT_TYPE_ID_VARIABLE, STANDARD_SUBSCRIPTION_OBJECTS } from './object-type-ids';
import type { ProjectFiles } from './project-files';

/**
 * The object types of webhooks-hsmeta.json's crmObjects subscriptions. HubSpot identifies a custom
 * object by its `2-…` object type id: a subscription names a standard object, a `2-…` id, or a
 * profile variable (`${…_OBJECT_TYPE_ID}`) that every profile sets to a `2-…` id once its portal
 * is provisioned (empty until then, while the profile's accountId is still 0).
 */

const REF = /^\$\{([^}]+)\}$/;
const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});

const NEXT_STEP = 'run `npm run provision -- apply` against that portal, then `npm run project:webhooks -- --from-portal --profile <name>`';

export function checkWebhookObjectTypes(files: ProjectFiles): string[] {
  const problems: string[] = [];
  const variables = new Set<string>();
  for (const m of files.metas.filter((f) => obj(f.json).type === 'webhooks')) {
    const where = `${SRC_DIR}/${m.path}`;
    const subs = obj(obj(obj(m.json).config).subscriptions).crmObjects;
    for (const s of Array.isArray(subs) ? subs : []) {
      const type = obj(s).objectType;
      const ref = typeof type === 'string' ? REF.exec(type) : null;
      if (ref) {
        if (OBJECT_TYPE_ID_VARIABLE.test(ref[1]!)) variables.add(ref[1]!);
        else
          problems.push(`${where}: objectType ${type} must be a variable named …_OBJECT_TYPE_ID holding a 2-… id; regenerate with npm run project:webhooks.`);
      } else if (typeof type !== 'string' || !(STANDARD_SUBSCRIPTION_OBJECTS.has(type) || OBJECT_TYPE_ID.test(type))) {
        problems.push(
          `${where}: objectType ${JSON.stringify(type)} is neither a standard object nor a 2-… object type id; HubSpot identifies custom objects by their object type id. Regenerate with npm run project:webhooks.`,
        );
      }
    }
  }
  for (const profile of files.profiles) {
    const where = `${SRC_DIR}/hsprofile.${profile.name}.json`;
    const unset = profile.accountId === 0;
    for (const name of variables) {
      const value = profile.variables[name];
      if (value === undefined) continue; // reported by checkProfiles
      if (typeof value === 'string' && OBJECT_TYPE_ID.test(value)) continue;
      if (value === '' && unset) continue;
      problems.push(
        value === ''
          ? `${where}: ${name} is empty, so the webhooks would name no object in portal ${String(profile.accountId)}: ${NEXT_STEP.replace('<name>', profile.name)}.`
          : `${where}: ${name} ${JSON.stringify(value)} is not a 2-… object type id: ${NEXT_STEP.replace('<name>', profile.name)}.`,
      );
    }
  }
  return problems;
}
