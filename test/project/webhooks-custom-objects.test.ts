import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadModel } from '../../src/model';
import { SRC_DIR, WEBHOOKS_META } from '../../src/project/hubspot-project';
import { checkProject } from '../../src/project/project-checks';
import { runWebhooksCli } from '../../src/project/webhooks-cli';
import { renderWebhooksMeta } from '../../src/project/webhooks-meta';

/**
 * HubSpot identifies custom objects in webhook subscriptions by their 2-… object type id, known
 * only once a portal is provisioned. webhooks-hsmeta.json names the contract object by the profile
 * variable SERVICE_CONTRACT_OBJECT_TYPE_ID; `project:webhooks -- --from-portal` fills it in.
 */

const ROOT = join(__dirname, '..', '..');
const VAR = 'SERVICE_CONTRACT_OBJECT_TYPE_ID';
/** The delivery phase's custom objects (change orders, the scope's delivery properties). */
const DELIVERY_VARS = { CHANGE_ORDER_OBJECT_TYPE_ID: '2-7654322', DELIVERY_SCOPE_OBJECT_TYPE_ID: '2-7654320' };
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'throughline-webhooks-'));
  cpSync(join(ROOT, 'hsproject.json'), join(dir, 'hsproject.json'));
  cpSync(join(ROOT, SRC_DIR), join(dir, SRC_DIR), { recursive: true, filter: (src) => !src.includes('node_modules') });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (path: string) => join(dir, SRC_DIR, path);
const readJson = (path: string) => JSON.parse(readFileSync(file(path), 'utf8')) as { accountId: number; variables: Record<string, string> };
function editProfile(name: string, change: (j: { accountId: number; variables: Record<string, string> }) => void): void {
  const j = readJson(`hsprofile.${name}.json`);
  change(j);
  writeFileSync(file(`hsprofile.${name}.json`), JSON.stringify(j, null, 2));
}

function cli(schemas: Array<{ name: string; objectTypeId: string }> = []) {
  const out: string[] = [];
  const err: string[] = [];
  let reads = 0;
  const run = (...argv: string[]) =>
    runWebhooksCli(argv, {
      root: dir,
      loadModel: () => loadModel(join(ROOT, 'schemas')),
      readSchemas: async () => {
        reads++;
        return schemas;
      },
      stdout: (t) => void out.push(t),
      stderr: (t) => void err.push(t),
    });
  return { run, stdout: () => out.join(''), stderr: () => err.join(''), reads: () => reads };
}

describe('project checks: custom objects in webhooks-hsmeta.json', () => {
  it('a subscription naming a custom object by its schema name is refused', () => {
    const path = file(WEBHOOKS_META);
    writeFileSync(path, readFileSync(path, 'utf8').replaceAll(`\${${VAR}}`, 'service_contract'));
    expect(checkProject(dir).join('\n')).toContain('objectType "service_contract" is neither a standard object nor a 2-… object type id');
  });

  it('a profile for a real portal (accountId set) must hold the 2-… id, and says how to get it', () => {
    editProfile('production', (j) => {
      j.accountId = 123456;
    });
    expect(checkProject(dir)).toContain(
      `extensions/hsprofile.production.json: ${VAR} is empty, so the webhooks would name no object in portal 123456: run \`npm run provision -- apply\` against that portal, then \`npm run project:webhooks -- --from-portal --profile production\`.`,
    );
    editProfile('production', (j) => {
      j.variables[VAR] = 'service_contract';
    });
    expect(checkProject(dir).join('\n')).toContain(`${VAR} "service_contract" is not a 2-… object type id`);
    editProfile('production', (j) => {
      j.variables[VAR] = '2-7654321';
    });
    expect(checkProject(dir).map((p) => p.split(' is empty')[0])).toEqual(Object.keys(DELIVERY_VARS).map((v) => `extensions/hsprofile.production.json: ${v}`));
    editProfile('production', (j) => {
      Object.assign(j.variables, DELIVERY_VARS);
    });
    expect(checkProject(dir)).toEqual([]);
  });
});

describe('npm run project:webhooks', () => {
  it('--help prints usage, exits 0 and touches nothing', async () => {
    const before = readFileSync(file(WEBHOOKS_META), 'utf8');
    const c = cli();
    expect(await c.run('--help')).toBe(0);
    expect(c.stdout()).toContain('Usage: npm run project:webhooks');
    expect(readFileSync(file(WEBHOOKS_META), 'utf8')).toBe(before);
    expect(c.reads()).toBe(0);
  });

  it('an unknown option is a usage error (exit 2), writing nothing', async () => {
    const c = cli();
    expect(await c.run('--chek')).toBe(2);
    expect(c.stderr()).toContain("Unknown option '--chek'");
  });

  it('--from-portal --profile writes the portal’s 2-… id into that profile; the project then passes its checks', async () => {
    editProfile('production', (j) => {
      j.accountId = 123456;
    });
    const c = cli([
      { name: 'service_contract', objectTypeId: '2-7654321' },
      { name: 'delivery_scope', objectTypeId: '2-7654320' },
      { name: 'change_order', objectTypeId: '2-7654322' },
    ]);
    expect(await c.run('--from-portal', '--profile', 'production')).toBe(0);
    expect(readJson('hsprofile.production.json').variables).toMatchObject({ [VAR]: '2-7654321', ...DELIVERY_VARS });
    expect(readJson('hsprofile.local.json').variables[VAR]).toBe('');
    expect(c.stdout()).toContain(
      `set ${VAR}=2-7654321, CHANGE_ORDER_OBJECT_TYPE_ID=2-7654322, DELIVERY_SCOPE_OBJECT_TYPE_ID=2-7654320 in extensions/hsprofile.production.json`,
    );
    expect(checkProject(dir)).toEqual([]);
  });

  it('--from-portal against an unprovisioned portal says to provision first (exit 1), changing nothing', async () => {
    const before = readFileSync(file('hsprofile.production.json'), 'utf8');
    const c = cli([]);
    expect(await c.run('--from-portal', '--profile', 'production')).toBe(1);
    expect(c.stderr()).toContain(
      'The portal has no custom object service_contract, change_order, delivery_scope: run `npm run provision -- apply` against it first.',
    );
    expect(readFileSync(file('hsprofile.production.json'), 'utf8')).toBe(before);
    expect(await c.run('--from-portal')).toBe(2);
  });

  it('--without-custom-objects (first upload) leaves out only the custom-object subscriptions; --check then says so', async () => {
    const c = cli();
    expect(await c.run('--without-custom-objects')).toBe(0);
    const subs = (JSON.parse(readFileSync(file(WEBHOOKS_META), 'utf8')) as { config: { subscriptions: { crmObjects: Array<{ objectType: string }> } } }).config
      .subscriptions.crmObjects;
    expect(subs.map((s) => s.objectType)).toEqual(['deal', 'deal', 'ticket', 'ticket', 'invoice', 'invoice', 'deal']);
    editProfile('production', (j) => {
      j.accountId = 123456;
    });
    expect(checkProject(dir)).toEqual([]); // uploadable before the portal has the objects
    expect(await c.run('--check')).toBe(1);
    expect(await c.run()).toBe(0);
    expect(readFileSync(file(WEBHOOKS_META), 'utf8')).toBe(renderWebhooksMeta(loadModel(join(ROOT, 'schemas'))));
  });
});
