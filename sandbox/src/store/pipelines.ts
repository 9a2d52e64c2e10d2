import { deliveryPipelines } from './delivery-objects';
import { DEALS } from './object-types';
import type { PipelineDef, PipelineStageDef } from './types';

/**
 * Pipelines: tickets' and projects' (store/delivery-objects.ts), and deal pipelines. Two are seeded so nothing can hard-code `closedwon`: HubSpot's `default`
 * Sales Pipeline and a `services` pipeline whose won stage is `svc_signed`.
 */

const SEEDED_AT = Date.UTC(2021, 0, 4, 9, 0, 0);

const stage = (id: string, label: string, displayOrder: number, probability: string, isClosed = false): PipelineStageDef => ({
  id,
  label,
  displayOrder,
  metadata: { isClosed: String(isClosed), probability },
  archived: false,
  createdAt: SEEDED_AT,
  updatedAt: SEEDED_AT,
});

export function seededPipelines(): PipelineDef[] {
  return [
    {
      id: 'default',
      objectTypeId: DEALS,
      label: 'Sales Pipeline',
      displayOrder: 0,
      archived: false,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      stages: [
        stage('appointmentscheduled', 'Appointment Scheduled', 0, '0.2'),
        stage('qualifiedtobuy', 'Qualified To Buy', 1, '0.4'),
        stage('presentationscheduled', 'Presentation Scheduled', 2, '0.6'),
        stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, '0.8'),
        stage('contractsent', 'Contract Sent', 4, '0.9'),
        stage('closedwon', 'Closed Won', 5, '1.0', true),
        stage('closedlost', 'Closed Lost', 6, '0.0', true),
      ],
    },
    {
      id: 'services',
      objectTypeId: DEALS,
      label: 'Services Pipeline',
      displayOrder: 1,
      archived: false,
      createdAt: SEEDED_AT,
      updatedAt: SEEDED_AT,
      stages: [
        stage('svc_discovery', 'Discovery', 0, '0.1'),
        stage('svc_proposal', 'Proposal Sent', 1, '0.5'),
        stage('svc_negotiation', 'Negotiation', 2, '0.75'),
        stage('svc_signed', 'Signed', 3, '1.0', true),
        stage('svc_lost', 'Lost', 4, '0.0', true),
      ],
    },
    ...deliveryPipelines(),
  ];
}

export class PipelineStore {
  private pipelines: PipelineDef[] = seededPipelines();

  reset(): void {
    this.pipelines = seededPipelines();
  }

  list(objectTypeId: string): PipelineDef[] {
    return this.pipelines.filter((p) => p.objectTypeId === objectTypeId && !p.archived);
  }

  get(objectTypeId: string, pipelineId: string): PipelineDef | undefined {
    return this.list(objectTypeId).find((p) => p.id === pipelineId);
  }

  /** Add or replace a pipeline (in-process seeding). */
  put(pipeline: PipelineDef): void {
    this.pipelines = [...this.pipelines.filter((p) => !(p.id === pipeline.id && p.objectTypeId === pipeline.objectTypeId)), pipeline];
  }

  stage(objectTypeId: string, pipelineId: string, stageId: string): PipelineStageDef | undefined {
    return this.get(objectTypeId, pipelineId)?.stages.find((s) => s.id === stageId && !s.archived);
  }

  /** The pipeline holding a stage id (stage ids are unique across a portal's deal pipelines). */
  pipelineOfStage(objectTypeId: string, stageId: string): PipelineDef | undefined {
    return this.list(objectTypeId).find((p) => p.stages.some((s) => s.id === stageId));
  }
}
