export { readPortal } from './read-portal';
export { planProvisioning } from './plan';
export { renderPlan, summaryLine, type RenderOptions } from './render-plan';
export { applyPlan, ApplyError, type ApplySummary, type ApplyOutcome, type ApplyOptions } from './apply-plan';
export { runProvisionCli, type ProvisionCliDeps } from './cli';
export type { Plan, Change, ChangeKind, Target, Action, PlanSummary } from './plan-types';
export type { PortalState, PropertiesAndGroups } from './portal-state';
export type { ProvisioningGateway, PortalReader, PortalWriter } from './gateway';
