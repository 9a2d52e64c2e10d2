import { timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HubSpotClient } from './hubspot-client';
import { decideGate } from '../../src/gate/decide';
import type { PipelineCache } from '../../src/gate/pipeline-cache';
import { gateReadPlan } from '../../src/gate/resolve-rules';
import { gatedStages, ruleForStage } from '../../src/gate/stage-rules';
import type { LinkedRecord, ResolvedGateRule } from '../../src/gate/types';
import { toCrmRecord } from '../../src/hubspot/convert';
import { ASSOCIATION_TYPES, type PortalTypes } from '../../src/hubspot/object-types';
import { GATE_PROPERTIES as G } from '../../src/model/well-known-properties';
import { signV3 } from '@throughline/sandbox';

/**
 * The baseline: how a typical integration gates deals — one event at a time, one record per call,
 * written only here. Per closed-won event: GET the deal with stage history, GET its scope and
 * contract associations (v4, one call per type), GET each linked scope and contract, then POST the
 * task (blocked deals) and PATCH the deal. It uses the same pure decision as Throughline
 * (decideGate), so both paths reach the same outcome and only the I/O differs. It does less than
 * Throughline: no contract activation, no customer status, no orphan-task check.
 */
export interface NaiveDeps {
  client: HubSpotClient;
  types: Pick<PortalTypes, 'scope' | 'contract'>;
  rules: ResolvedGateRule[];
  /** Warm: pipelines are read once per process on both paths. */
  pipelines: PipelineCache;
  clientSecret: string;
}

interface StageEvent {
  objectId?: number;
  propertyName?: string;
  propertyValue?: string;
}

export function naiveGate(deps: NaiveDeps) {
  const plan = gateReadPlan(deps.rules);
  const { client, types } = deps;
  const read = async (type: string, id: string, properties: string[]): Promise<LinkedRecord> => {
    const r = toCrmRecord(await client.crm.objects.basicApi.getById(type, id, properties));
    return { id: r.id, properties: r.properties };
  };
  const linkedIds = async (toType: string, dealId: string) =>
    (await client.crm.associations.v4.basicApi.getPage('deals', dealId, toType)).results.map((r) => String(r.toObjectId));

  async function gateOne(dealId: string): Promise<void> {
    const deal = toCrmRecord(await client.crm.objects.basicApi.getById('deals', dealId, plan.dealProperties, plan.dealHistory));
    const scopes: LinkedRecord[] = [];
    for (const id of await linkedIds(types.scope, dealId)) scopes.push(await read(types.scope, id, plan.scopeProperties));
    const contracts: LinkedRecord[] = [];
    for (const id of await linkedIds(types.contract, dealId)) contracts.push(await read(types.contract, id, plan.contractProperties));

    const pipeline = await deps.pipelines.find(deal.properties.pipeline, deal.properties.dealstage);
    const rule = pipeline ? ruleForStage(deps.rules, pipeline, deal.properties.dealstage ?? '') : undefined;
    const isGated = (id: string) => !!pipeline && !!ruleForStage(deps.rules, pipeline, id);
    const decision = decideGate({ deal, pipeline, rule, isGated, scopes, contracts }, new Date());
    const clean = (p: Record<string, string | null>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v ?? '']));

    if (decision.action === 'block') {
      const task = await client.crm.objects.basicApi.create('tasks', {
        properties: {
          hs_task_subject: decision.task.subject,
          hs_task_body: decision.task.body,
          hs_task_status: 'NOT_STARTED',
          hs_task_priority: 'HIGH',
          hs_task_type: 'TODO',
          hs_timestamp: decision.task.dueAt,
          ...(decision.task.ownerId ? { hubspot_owner_id: decision.task.ownerId } : {}),
        },
        associations: [{ to: { id: dealId }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: ASSOCIATION_TYPES.taskToDeal }] }],
      });
      await client.crm.objects.basicApi.update('deals', dealId, { properties: clean({ ...decision.dealProperties, [G.taskId]: task.id }) });
    } else if (decision.action === 'pass') {
      await client.crm.objects.basicApi.update('deals', dealId, { properties: clean(decision.dealProperties) });
    }
  }

  /** Events one by one, in order, as they come. */
  async function handle(events: StageEvent[]): Promise<void> {
    const gated = new Set(gatedStages(deps.rules, await deps.pipelines.all()).map((s) => s.stageId));
    for (const e of events) {
      if (e.propertyName === 'dealstage' && e.objectId !== undefined && gated.has(e.propertyValue ?? '')) await gateOne(String(e.objectId));
    }
  }

  return { handle };
}

/** The baseline behind its own HTTP endpoint: verify v3, parse, handle, answer 200 (or 500). */
export async function startNaiveServer(deps: NaiveDeps): Promise<{ url: string; close(): Promise<void> }> {
  const gate = naiveGate(deps);
  let url = '';
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = Number(req.headers['x-hubspot-request-timestamp']);
      const expected = Buffer.from(signV3(deps.clientSecret, 'POST', url, body, timestamp));
      const given = Buffer.from(String(req.headers['x-hubspot-signature-v3'] ?? ''));
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        res.writeHead(401).end();
        return;
      }
      gate.handle(JSON.parse(body) as StageEvent[]).then(
        () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
        (err: unknown) => res.writeHead(500).end(String(err)),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/hubspot`;
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
