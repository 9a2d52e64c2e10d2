import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { parseConfig } from '../../src/config';

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is read as Compose reads it
 * (YAML with anchors and merge keys) and held to what the service and the stand-in expect.
 */

interface ComposeService {
  build?: string | { context: string; dockerfile_inline?: string };
  image?: string;
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
}

const root = join(__dirname, '..', '..');
const compose = load(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, ComposeService>; volumes?: Record<string, unknown> };
const { services } = compose;
const replicas = ['replica-a', 'replica-b'];

it('runs Redis, the stand-in, a provisioning step and two replicas built from the Dockerfile', () => {
  expect(Object.keys(services).sort()).toEqual(['provision', 'redis', 'replica-a', 'replica-b', 'standin']);
  for (const name of [...replicas, 'provision']) expect([name, services[name]!.build]).toEqual([name, '.']);
  expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
  expect(services.redis!.image).toMatch(/^redis:7/);
  expect(services.provision!.command).toEqual(['node', 'dist/scripts/provision.js', 'apply', '--yes']);
  expect(readFileSync(join(root, 'tsconfig.build.json'), 'utf8')).toContain('scripts/provision.ts');
});

it("gives each replica a configuration the service accepts: Redis, the stand-in's API, its token, secret and app id, SCHEDULER on", () => {
  for (const name of replicas) {
    const env = services[name]!.environment!;
    const config = parseConfig(env);
    expect([name, config.REDIS_URL, config.HUBSPOT_API_BASE_URL, config.SCHEDULER]).toEqual([name, 'redis://redis:6379', 'http://standin:4010', 'on']);
    expect([config.HUBSPOT_ACCESS_TOKEN, config.HUBSPOT_CLIENT_SECRET, config.HUBSPOT_APP_ID]).toEqual([
      'pat-sandbox-token',
      'sandbox-client-secret',
      '1000001',
    ]);
  }
  expect(parseConfig(services.provision!.environment!).SCHEDULER).toBe('off');
});

it('starts each service after what it needs, and every name it refers to exists', () => {
  for (const [name, s] of Object.entries(services)) for (const dep of Object.keys(s.depends_on ?? {})) expect([name, dep in services]).toEqual([name, true]);
  for (const name of replicas) {
    expect(services[name]!.depends_on).toEqual({ redis: { condition: 'service_healthy' }, provision: { condition: 'service_completed_successfully' } });
  }
  expect(services.provision!.depends_on).toEqual({ standin: { condition: 'service_healthy' } });
  expect(Object.keys(compose.volumes ?? {})).toEqual(['redis-data', 'standin-node-modules']);
  expect(services.standin!.command!.join(' ')).toContain('scripts/sandbox.ts');
  expect(existsSync(join(root, 'scripts/sandbox.ts'))).toBe(true);
});

it('has the stand-in listen beyond loopback and deliver webhooks to a replica on the port it serves', () => {
  const env = services.standin!.environment!;
  expect(env.HUBSPOT_SANDBOX_HOST).toBe('0.0.0.0');
  const target = new URL(env.HUBSPOT_SANDBOX_WEBHOOK_TARGET!);
  expect(replicas).toContain(target.hostname);
  expect([target.port, target.pathname]).toEqual(['3000', '/webhooks/hubspot']);
  expect(services[target.hostname]!.ports).toEqual([expect.stringMatching(/:3000$/)]);
  expect(new URL(services['replica-a']!.environment!.HUBSPOT_API_BASE_URL!).port).toBe(env.HUBSPOT_SANDBOX_PORT);
  expect(readFileSync(join(root, 'scripts/sandbox.ts'), 'utf8')).toContain("env['HUBSPOT_SANDBOX_HOST']");
});
