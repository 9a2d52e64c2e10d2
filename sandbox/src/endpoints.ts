/**
 * Every HubSpot endpoint the sandbox serves, as `METHOD /path/{param}` templates. Used to name
 * calls in the counters (`POST /crm/v3/objects/{type}/batch/read`) and to recognise search calls.
 */
export const ENDPOINTS = [
  'GET /crm-object-schemas/v3/schemas',
  'POST /crm-object-schemas/v3/schemas',
  'GET /crm-object-schemas/v3/schemas/{objectType}',
  'PATCH /crm-object-schemas/v3/schemas/{objectType}',
  'DELETE /crm-object-schemas/v3/schemas/{objectType}',
  'POST /crm-object-schemas/v3/schemas/{objectType}/associations',
  'DELETE /crm-object-schemas/v3/schemas/{objectType}/associations/{associationIdentifier}',

  'GET /crm/v3/properties/{objectType}',
  'POST /crm/v3/properties/{objectType}',
  'GET /crm/v3/properties/{objectType}/{propertyName}',
  'PATCH /crm/v3/properties/{objectType}/{propertyName}',
  'DELETE /crm/v3/properties/{objectType}/{propertyName}',
  'GET /crm/v3/properties/{objectType}/groups',
  'POST /crm/v3/properties/{objectType}/groups',
  'GET /crm/v3/properties/{objectType}/groups/{groupName}',
  'PATCH /crm/v3/properties/{objectType}/groups/{groupName}',
  'DELETE /crm/v3/properties/{objectType}/groups/{groupName}',
  'POST /crm/v3/properties/{objectType}/batch/create',
  'POST /crm/v3/properties/{objectType}/batch/read',
  'POST /crm/v3/properties/{objectType}/batch/archive',

  'GET /crm/v4/associations/{fromObjectType}/{toObjectType}/labels',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/labels',
  'PUT /crm/v4/associations/{fromObjectType}/{toObjectType}/labels',
  'DELETE /crm/v4/associations/{fromObjectType}/{toObjectType}/labels/{associationTypeId}',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/create',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/read',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/archive',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/labels/archive',
  'POST /crm/v4/associations/{fromObjectType}/{toObjectType}/batch/associate/default',
  'GET /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}',
  'PUT /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
  'DELETE /crm/v4/objects/{objectType}/{objectId}/associations/{toObjectType}/{toObjectId}',
  'PUT /crm/v4/objects/{objectType}/{objectId}/associations/default/{toObjectType}/{toObjectId}',

  'GET /crm/v3/objects/{objectType}',
  'POST /crm/v3/objects/{objectType}',
  'GET /crm/v3/objects/{objectType}/{objectId}',
  'PATCH /crm/v3/objects/{objectType}/{objectId}',
  'DELETE /crm/v3/objects/{objectType}/{objectId}',
  'POST /crm/v3/objects/{objectType}/search',
  'POST /crm/v3/objects/{objectType}/batch/read',
  'POST /crm/v3/objects/{objectType}/batch/create',
  'POST /crm/v3/objects/{objectType}/batch/update',
  'POST /crm/v3/objects/{objectType}/batch/upsert',
  'POST /crm/v3/objects/{objectType}/batch/archive',

  'GET /crm/v3/owners/',
  'GET /crm/v3/owners/{ownerId}',
  'GET /crm/v3/pipelines/{objectType}',
  'GET /crm/v3/pipelines/{objectType}/{pipelineId}',
] as const;

export const SEARCH_ENDPOINT = 'POST /crm/v3/objects/{objectType}/search';

interface CompiledEndpoint {
  key: string;
  method: string;
  segments: string[];
  literals: number;
}

const segmentsOf = (path: string): string[] => path.split('/').filter((s) => s.length > 0);

const compiled: CompiledEndpoint[] = ENDPOINTS.map((key) => {
  const [method = '', path = ''] = key.split(' ');
  const segments = segmentsOf(path);
  return { key, method, segments, literals: segments.filter((s) => !s.startsWith('{')).length };
});

/** `POST /crm/v3/objects/0-3/batch/read` → `POST /crm/v3/objects/{objectType}/batch/read`. */
export function endpointKey(method: string, path: string): string {
  const actual = segmentsOf(path);
  let best: CompiledEndpoint | undefined;
  for (const candidate of compiled) {
    if (candidate.method !== method || candidate.segments.length !== actual.length) continue;
    const matches = candidate.segments.every((seg, i) => seg.startsWith('{') || seg === actual[i]);
    if (matches && (!best || candidate.literals > best.literals)) best = candidate;
  }
  return best?.key ?? `${method} (unknown) ${path}`;
}
