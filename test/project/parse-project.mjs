// Parses the HubSpot project with HubSpot's own parser, offline, once per profile, and prints
// the result as JSON on stdout. Run by test/project/hubspot-project.test.ts in a child process:
// @hubspot/project-parsing-lib is ESM-only and jest runs the tests as CommonJS.
//
//   node test/project/parse-project.mjs <projectSourceDir> <platformVersion> [profile…]
//
// translate(…, { skipValidation: true }) reads and parses every *-hsmeta.json, applies the
// profile's variables and builds the intermediate representation without contacting HubSpot
// (full validation fetches HubSpot's component schemas and needs an account).
import { translate, isTranslationError } from '@hubspot/project-parsing-lib/translate';

const [projectSourceDir, platformVersion, ...profiles] = process.argv.slice(2);
const results = [];
for (const profile of profiles.length ? profiles : [undefined]) {
  try {
    const { intermediateRepresentation, skippedHsMetaFiles } = await translate(
      { projectSourceDir, platformVersion, accountId: 0 },
      { skipValidation: true, ...(profile ? { profile } : {}) },
    );
    results.push({ profile: profile ?? null, intermediateRepresentation, skippedHsMetaFiles });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    results.push({ profile: profile ?? null, error: isTranslationError(err) ? `${message} ${JSON.stringify(err)}` : message });
  }
}
process.stdout.write(JSON.stringify(results));
