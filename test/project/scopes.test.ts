import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { loadModel } from '../../src/model';
import { PLATFORM_SCOPES } from '../../src/project/hubspot-project';
import { appScopes } from '../../src/project/project-checks';
import { CRM_GATEWAY_SCOPES, PORTAL_SCHEMA_SCOPES, objectKind, requiredScopes, scopesOfCall } from '../../src/project/required-scopes';
import { scanHubSpotCalls, sourceFiles } from './hubspot-calls';

/**
 * The app asks for exactly the scopes the service and the scripts use: every HubSpot call in src/
 * and scripts/ is found in the source, its object types resolved, and mapped to a scope with the
 * tables in src/project/required-scopes.ts.
 */

const ROOT = join(__dirname, '..', '..');
const model = loadModel(join(ROOT, 'schemas'));

/** What provisioning's typeOf()/resolve() can name: the deal properties' object and the custom objects; label ends. */
const asKind = (t: string) => (objectKind(t) === 'custom' ? 'custom' : t);
const modelTypes = {
  objects: [...new Set([model.deals.objectType, ...model.objects.map(() => 'custom')])],
  labelEnds: [...new Set(model.associations.flatMap((a) => [a.from, a.to]).map(asKind))],
  sources: Object.fromEntries(Object.entries(model.deliveryHealth.sources).map(([name, s]) => [name, s.enabled ? [s.objectType] : []])),
};

// The gateways themselves call the client with whatever type they are given: their call sites are scanned instead.
const files = sourceFiles(ROOT, ['src', 'scripts'], /^src\/hubspot\/(crm-gateway|portal-schema)\.ts$/);
const { calls, unresolved } = scanHubSpotCalls(ROOT, files, modelTypes);

function publicMethods(file: string, className: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
  const cls = source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === className)!;
  return cls.members
    .filter((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m))
    .filter((m) => !(ts.getCombinedModifierFlags(m) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)))
    .map((m) => (m.name as ts.Identifier).text)
    .sort();
}

describe('the app’s scopes cover every HubSpot call, and no more', () => {
  it('every public gateway method has a scope rule', () => {
    expect(Object.keys(CRM_GATEWAY_SCOPES).sort()).toEqual(publicMethods('src/hubspot/crm-gateway.ts', 'CrmGateway'));
    expect(Object.keys(PORTAL_SCHEMA_SCOPES).sort()).toEqual(publicMethods('src/hubspot/portal-schema.ts', 'PortalSchemaGateway'));
  });

  it('every HubSpot call in src/ and scripts/ is found and its object types resolved', () => {
    expect(unresolved).toEqual([]);
    // The scan sees the calls it should: a few known ones, by file.
    const where = calls.map((c) => `${c.where.replace(/:\d+$/, '')} ${c.what}`);
    expect(where).toEqual(
      expect.arrayContaining([
        'src/gate/load-context.ts gateway.readMany',
        'src/gate/enforce.ts gateway.createMany',
        'src/hubspot/search-windows.ts gateway.search',
        'src/provisioning/read-portal.ts reader.listLabels',
        'src/cards/load-company-card.ts gateway.associationsOf',
      ]),
    );
  });

  it('association labels (v4), read or created, need record scopes only (HubSpot lists crm.objects.* for them)', () => {
    for (const rule of [PORTAL_SCHEMA_SCOPES.listLabels, PORTAL_SCHEMA_SCOPES.createLabel, CRM_GATEWAY_SCOPES.associationLabels]) {
      expect(scopesOfCall({ rule, objectTypes: [['deals'], ['companies', 'custom']] }).sort()).toEqual([
        'crm.objects.companies.read',
        'crm.objects.custom.read',
        'crm.objects.deals.read',
      ]);
    }
  });

  it('app-hsmeta.json requires exactly the scopes those calls need (plus the platform’s own)', () => {
    const needed = requiredScopes(calls);
    const wanted = [...needed, ...PLATFORM_SCOPES].sort();
    const asked = [...appScopes(ROOT)].sort();
    const missing = wanted.filter((s) => !asked.includes(s));
    const unused = asked.filter((s) => !wanted.includes(s));
    expect({ missing, unused }).toEqual({ missing: [], unused: [] });
    expect(new Set(asked).size).toBe(asked.length);
  });

  it('the README lists every requested scope, and no other', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const table = readme.slice(readme.indexOf('| Scope | Why |'));
    const rows = table.slice(0, table.indexOf('\n\n'));
    const listed = [...new Set([...rows.matchAll(/`([a-z][a-z.]*)`/g)].map((m) => m[1]!))].sort();
    expect(listed).toEqual([...appScopes(ROOT)].sort());
  });
});
