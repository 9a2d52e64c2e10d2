import type { Model } from '../model';
import { objectTypeIdVariable } from '../project/object-type-ids';
import { subscribedCustomObjects } from '../project/webhook-subscriptions';

/**
 * After apply: the custom objects' 2-… ids in this portal and what the admin does with them.
 * HubSpot names a custom object in webhook subscriptions by that id, which only now exists, so the
 * project's profile for this portal must carry it before the (next) upload.
 */
export function renderWebhookNextSteps(model: Model, objectTypeIds: Record<string, string>): string {
  const rows = subscribedCustomObjects(model).map((name) => {
    const id = objectTypeIds[name];
    return `  ${name}: ${id ?? '(missing)'} → profile variable ${objectTypeIdVariable(name)}`;
  });
  return [
    '',
    'Webhooks name custom objects by their object type id in this portal:',
    ...rows,
    'Next, with the profile of this portal (e.g. production):',
    '  npm run project:webhooks -- --from-portal --profile production   # writes the ids into extensions/hsprofile.production.json',
    '  npm test && hs project upload --profile production',
    '',
  ].join('\n');
}
