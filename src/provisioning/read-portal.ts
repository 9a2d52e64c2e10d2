import type { Model } from '../model';
import type { PortalReader } from './gateway';
import type { PortalState, PropertiesAndGroups } from './portal-state';
import { labelPairs, objectTypeResolver } from './object-types';

/**
 * Reads what the plan needs, in the fewest calls: all schemas first (one call; a 403 here means no
 * Enterprise hub or no custom-object scope, and stops before anything else), then in parallel the
 * deal groups and properties, each existing model object's properties and groups, and the labels of
 * each modelled pair whose ends both exist, and the deal pipelines (gate rules name their stages).
 */
export async function readPortal(reader: PortalReader, model: Model): Promise<PortalState> {
  const schemas = await reader.listObjectSchemas();
  const resolve = objectTypeResolver(Object.fromEntries(schemas.map((s) => [s.name, s.objectTypeId])));

  const readObject = async (objectType: string): Promise<PropertiesAndGroups> => {
    const [properties, groups] = await Promise.all([reader.listProperties(objectType), reader.listGroups(objectType)]);
    return { properties, groups };
  };
  const existing = model.objects.filter((o) => resolve(o.name) !== undefined);
  const pairs = labelPairs(model).filter((p) => resolve(p.from) && resolve(p.to));

  const [deals, objects, labels, dealPipelines] = await Promise.all([
    readObject('deals'),
    Promise.all(existing.map(async (o) => [o.name, await readObject(resolve(o.name)!)] as const)),
    Promise.all(pairs.map(async (p) => ({ ...p, labels: await reader.listLabels(resolve(p.from)!, resolve(p.to)!) }))),
    reader.listPipelines('deals'),
  ]);
  return { schemas, deals, objects: Object.fromEntries(objects), labels, dealPipelines };
}
