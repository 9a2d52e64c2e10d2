/**
 * Names shared by the HubSpot project under extensions/ (platform 2026.03) and the code that
 * generates and checks it. See the README section "HubSpot project and cards".
 */
export const PROJECT_FILE = 'hsproject.json';
export const SRC_DIR = 'extensions';
export const PLATFORM_VERSION = '2026.03';

/** Relative to SRC_DIR. */
export const APP_META = 'app/app-hsmeta.json';
export const WEBHOOKS_META = 'app/webhooks/webhooks-hsmeta.json';
export const CARDS_DIR = 'app/cards';

/**
 * The profile variable that holds the service's HTTPS origin. Profiles (`hsprofile.<name>.json`)
 * live in SRC_DIR, where the HubSpot CLI reads them; hsmeta files reference the variable as
 * `${SERVICE_ORIGIN}` (substituted at upload/dev time), and cards read it from
 * `context.variables` at run time.
 */
export const SERVICE_ORIGIN_VARIABLE = 'SERVICE_ORIGIN';
export const SERVICE_ORIGIN_REF = `\${${SERVICE_ORIGIN_VARIABLE}}`;

/** The path the service receives webhook batches on. */
export { WEBHOOK_PATH } from '../webhooks/receiver';
export const WEBHOOKS_UID = 'throughline_webhooks';
export const WEBHOOK_MAX_CONCURRENT_REQUESTS = 10;

/**
 * Scopes the app asks for beyond what the service's calls need (src/project/required-scopes.ts):
 * HubSpot's own templates for static-auth private apps (2026.03) list `oauth`; it gives no access
 * to CRM data.
 */
export const PLATFORM_SCOPES = ['oauth'] as const;
