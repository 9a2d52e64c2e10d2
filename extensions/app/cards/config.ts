/**
 * Where the cards find Throughline's service. The origin comes from the project profile's
 * SERVICE_ORIGIN variable (HubSpot hands profile variables to cards as `context.variables`);
 * DEFAULT_SERVICE_ORIGIN is the production profile's value, used when a portal runs a build
 * without variables. test/project/hubspot-project.test.ts checks that both are listed in the
 * app's permittedUrls.fetch, so hubspot.fetch never refuses them.
 */
export const SERVICE_ORIGIN_VARIABLE = 'SERVICE_ORIGIN';
export const DEFAULT_SERVICE_ORIGIN = 'https://throughline.example.com';

const ORIGIN = /^https:\/\/[^/?#\s]+$/;

export function serviceOrigin(variables: Record<string, unknown> | undefined): string {
  const value = variables?.[SERVICE_ORIGIN_VARIABLE];
  return typeof value === 'string' && ORIGIN.test(value) ? value : DEFAULT_SERVICE_ORIGIN;
}
