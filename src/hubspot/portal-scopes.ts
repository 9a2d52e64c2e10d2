import { HubSpotError } from './errors';

const NATIVE_SCHEMA_SCOPES: Record<string, string> = {
  deals: 'deals',
  '0-3': 'deals',
  companies: 'companies',
  '0-2': 'companies',
  contacts: 'contacts',
  '0-1': 'contacts',
};

/** The private-app scope that reading or changing an object type's schema and properties needs. */
export function schemaScope(objectType: string, access: 'read' | 'write'): string {
  return `crm.schemas.${NATIVE_SCHEMA_SCOPES[objectType] ?? 'custom'}.${access}`;
}

function scopesFromBody(err: HubSpotError): string[] | undefined {
  const named = (err.body?.errors ?? []).flatMap((e) => {
    const scopes = e.context?.requiredScopes ?? e.context?.requiredGranularScopes;
    return Array.isArray(scopes) ? scopes.map(String) : [];
  });
  return named.length ? [...new Set(named)] : undefined;
}

/**
 * A 403 names the scope to add: the one HubSpot lists in its answer when it does, otherwise the
 * one this call is known to need.
 */
export function withScopeHint(err: HubSpotError, scopes: string[]): HubSpotError {
  if (err.status !== 403) return err;
  const needed = scopesFromBody(err) ?? scopes;
  return new HubSpotError(
    403,
    `${err.message}\nScope needed: ${needed.join(', ')} (Settings › Integrations › Private apps › Scopes).`,
    err.body,
    err.headers,
    err.operation,
  );
}
