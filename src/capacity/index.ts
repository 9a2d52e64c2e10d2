export { assessCapacity, type CapacityPolicy } from './assess-capacity';
export { capacityWindow, mondayOf, weekStarts, type CapacityWindow } from './weeks';
export { teamHoursInWeek } from './team-hours';
export { spreadScope, canSpread, type ScopeLoad } from './scope-load';
export { scopeLoadFrom, capacityScopeProperties } from './scope-load-from';
export { renderCapacityText } from './render-capacity-text';
export type * from './capacity-types';
