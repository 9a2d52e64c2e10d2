import type { Pipeline } from '../hubspot/types';
import type { PortalGroup, PortalLabel, PortalObjectSchema, PortalProperty } from '../hubspot/portal-types';

export interface PropertiesAndGroups {
  properties: PortalProperty[];
  groups: PortalGroup[];
}

/** What provisioning knows about a portal: a plain value, read once, planned against. */
export interface PortalState {
  /** Every custom object schema in the portal, the model's and others'. */
  schemas: PortalObjectSchema[];
  /** Properties and groups of the model's custom objects that exist, by object name. */
  objects: Record<string, PropertiesAndGroups>;
  deals: PropertiesAndGroups;
  /** Labels of each modelled pair, by model names; a pair is absent while one end does not exist. */
  labels: Array<{ from: string; to: string; labels: PortalLabel[] }>;
  /** Deal pipelines: gate rules must name stages that exist. */
  dealPipelines: Pipeline[];
}
