import { Client } from '@hubspot/api-client';
import { Writable } from 'node:stream';
import { KeyedLock } from '../../../src/concurrency/keyed-lock';
import { ticketPipelineCache } from '../../../src/delivery/delivery-portal';
import { createDeliveryService } from '../../../src/delivery/delivery-service';
import { CrmGateway } from '../../../src/hubspot/crm-gateway';
import { SearchThrottle } from '../../../src/hubspot/search-throttle';
import { createLogger } from '../../../src/logger';
import { loadModel } from '../../../src/model';
import { API, FakePortal } from './fake-portal';

export const SCOPE = '2-100';
export const CONTRACT = '2-200';
export const STATUS = '2-300';
export const CHANGE_ORDER = '2-400';
export const NOW = new Date('2026-11-21T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

export const model = loadModel('schemas');

/** The service over a fake portal, with the warn lines it logs. */
export function deliveryService(portal: FakePortal) {
  const client = new Client({ accessToken: 'pat-test-token-0001', basePath: API, numberOfApiCallRetries: 0 });
  const gateway = new CrmGateway(client, { retry: { retries: 0, baseMs: 1 }, searchThrottle: new SearchThrottle(1000) });
  const warnings: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      const line = JSON.parse(String(chunk)) as { level: number; msg: string };
      if (line.level === 40) warnings.push(line.msg);
      done();
    },
  });
  portal.install();
  const service = createDeliveryService({
    gateway,
    types: {
      scope: SCOPE,
      contract: CONTRACT,
      customerStatus: STATUS,
      customerStatusToCompany: { typeId: 400, category: 'USER_DEFINED' },
      changeOrder: CHANGE_ORDER,
    },
    ticketPipelines: ticketPipelineCache(gateway),
    locks: new KeyedLock(),
    model,
    settings: { defaultOwnerId: '7999', appId: '4242', currency: 'EUR' },
    logger: createLogger('info', sink),
  });
  return { service, warnings };
}

/**
 * Deal 101 (AE 7001) is on track as last written, but its scope (lead 7002) has burned 450 of
 * 400 hours: off track. Three change orders (paged associations): one undecided for 20 days.
 * An urgent ticket open 5 days. Its company's customer status is active. Deal 102 is in delivery
 * and on track, never assessed; deal 103 is blocked at the gate.
 */
export function seededPortal(): FakePortal {
  const p = new FakePortal();
  p.put('deals', '101', {
    dealname: 'Acme rebuild',
    amount: '100000',
    deal_currency_code: 'EUR',
    hubspot_owner_id: '7001',
    gate_status: 'passed',
    delivery_health: 'on_track',
  });
  p.put(SCOPE, '301', {
    scope_name: 'Rebuild v1',
    delivery_approved: 'true',
    hubspot_owner_id: '7002',
    delivery_phase: 'in_progress',
    delivery_start_date: '2026-09-01',
    delivery_timeline_weeks: '20',
    delivery_estimate_hours: '400',
    proposal_hours: '400',
    hours_logged: '450',
  });
  p.put(SCOPE, '309', { scope_name: 'Old draft', delivery_approved: 'false', delivery_phase: 'closed' });
  p.link('deals', '101', SCOPE, '309').link('deals', '101', SCOPE, '301', 'Approved scope');
  p.put(CHANGE_ORDER, '401', {
    change_order_title: 'Guest checkout',
    change_order_decision: 'requested',
    change_order_hours: '16',
    hs_createdate: daysAgo(20),
  });
  p.put(CHANGE_ORDER, '402', {
    change_order_title: 'Apple Pay',
    change_order_decision: 'billed',
    change_order_hours: '10',
    change_order_amount: '1500',
    hs_createdate: daysAgo(30),
  });
  p.put(CHANGE_ORDER, '403', {
    change_order_title: 'Gift cards',
    change_order_decision: 'absorbed',
    change_order_decision_reason: 'goodwill',
    change_order_hours: '5',
    change_order_amount: '750',
    hs_createdate: daysAgo(25),
  });
  for (const co of ['401', '402', '403']) p.link('deals', '101', CHANGE_ORDER, co);
  p.put('0-5', '501', { subject: 'Payment page times out', hs_pipeline: '0', hs_pipeline_stage: '1', hs_ticket_priority: 'URGENT', createdate: daysAgo(5) });
  p.link('deals', '101', '0-5', '501');
  p.put('companies', '601', { name: 'Acme' }).link('deals', '101', 'companies', '601');
  p.put(STATUS, '801', { status: 'active', status_changed_at: daysAgo(60), status_set_by: 'automation' }).link('companies', '601', STATUS, '801');

  p.put('deals', '102', { dealname: 'Beta', amount: '50000', hubspot_owner_id: '7001', gate_status: 'overridden' });
  p.put(SCOPE, '302', {
    scope_name: 'Beta v1',
    delivery_approved: 'true',
    hubspot_owner_id: '7003',
    delivery_phase: 'in_progress',
    delivery_start_date: '2026-11-01',
    delivery_timeline_weeks: '10',
    delivery_estimate_hours: '200',
    proposal_hours: '200',
    hours_logged: '20',
  });
  p.link('deals', '102', SCOPE, '302');
  p.put('deals', '103', { dealname: 'Gamma', gate_status: 'blocked' });
  p.refused.set('0-53', 403);
  return p;
}
