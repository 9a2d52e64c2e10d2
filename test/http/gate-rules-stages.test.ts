import { standInConfig } from '../../scripts/lib/stack';
import { createLogger } from '../../src/logger';
import { loadModel, ModelError, type Model } from '../../src/model';
import { runProvisionCli } from '../../src/provisioning';
import { startSandbox, type Sandbox } from '@throughline/sandbox';
import { startService } from '../../src/service';
import { fakeGateway } from '../fixtures/model/fake-gateway';
import { freshPortal } from '../fixtures/model/portal-state';
import { schemasEdited, removeOverlays } from '../fixtures/model/overlay';

/** A gate rule whose stage does not exist would gate nothing; both entry points refuse it. */
const misspelt = (): Model => {
  const dir = schemasEdited('gate-rules.json', (json) => void (json.rules[0].stage = 'closed_wonn'));
  return loadModel(dir);
};
afterAll(removeOverlays);

describe('a gate rule naming a stage the portal lacks', () => {
  it('provision plan refuses it (exit 2), naming the file, the path and the stages that exist', async () => {
    const model = misspelt();
    const err: string[] = [];
    const gateway = fakeGateway(freshPortal(model));
    const code = await runProvisionCli(['plan'], {
      loadModel: () => model,
      gateway: () => gateway,
      stdout: () => undefined,
      stderr: (t) => void err.push(t),
      confirm: async () => true,
      interactive: false,
      color: false,
    });
    expect(code).toBe(2);
    const text = err.join('');
    expect(text).toMatch(/gate-rules\.json at \$\.rules\[0\]\.stage: "closed_wonn" is not a stage of any deal pipeline/);
    expect(text).toContain('closedwon (Closed Won)');
    expect(text).toContain('contractsent (Contract Sent)');
    expect(gateway.writes).toEqual([]);
  });

  describe('the service start', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandbox({ port: 0 });
    });
    afterAll(async () => sandbox?.stop());

    it('refuses to start, naming the file, the path and the stages of each pipeline', async () => {
      const model = misspelt();
      const config = standInConfig(sandbox);
      const start = startService(config, createLogger('silent'), { port: 0, host: '127.0.0.1', model });
      await expect(start).rejects.toBeInstanceOf(ModelError);
      const message = await start.catch((e: Error) => e.message);
      expect(message).toMatch(/gate-rules\.json at \$\.rules\[0\]\.stage: "closed_wonn" is not a stage/);
      expect(message).toContain('Sales Pipeline: appointmentscheduled (Appointment Scheduled)');
      expect(message).toContain('Services Pipeline: svc_discovery (Discovery)');
    });

    it('starts with the rules as shipped (closed_won resolves from pipeline metadata)', async () => {
      const service = await startService(standInConfig(sandbox), createLogger('silent'), { port: 0, host: '127.0.0.1', model: loadModel('schemas') });
      await service.close();
      expect(service.port).toBeGreaterThan(0);
    });
  });
});
