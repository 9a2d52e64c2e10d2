import type { GateContext, LinkedRecord } from '../../../src/gate/types';
import type { Pipeline, PipelineStage } from '../../../src/hubspot/types';
import { loadModel } from '../../../src/model';

export const model = loadModel('schemas');

const stage = (id: string, label: string, displayOrder: number, probability: number, isClosed = false): PipelineStage => ({
  id,
  label,
  displayOrder,
  isClosed,
  probability,
});

export const pipelines: Pipeline[] = [
  {
    id: 'default',
    label: 'Sales Pipeline',
    displayOrder: 0,
    stages: [
      stage('qualifiedtobuy', 'Qualified To Buy', 1, 0.4),
      stage('presentationscheduled', 'Proposal', 2, 0.6),
      stage('contractsent', 'Contract Sent', 4, 0.9),
      stage('closedwon', 'Closed Won', 5, 1, true),
      stage('closedlost', 'Closed Lost', 6, 0, true),
    ],
  },
  {
    id: 'services',
    label: 'Services Pipeline',
    displayOrder: 1,
    stages: [stage('svc_proposal', 'Proposal Sent', 1, 0.5), stage('svc_signed', 'Signed', 3, 1, true)],
  },
];

export const scope = (id: string, properties: LinkedRecord['properties']): LinkedRecord => ({ id, properties: { scope_name: `Scope ${id}`, ...properties } });

export const facts = (over: Partial<GateContext> = {}): GateContext => ({
  deal: { id: '123', properties: { dealname: 'Northwind checkout rebuild', hubspot_owner_id: '7' } },
  scopes: [],
  contracts: [],
  ...over,
});
