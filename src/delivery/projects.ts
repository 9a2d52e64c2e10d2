import { wholeDaysPast } from './days';
import type { ProjectInput, SourceRead } from './delivery-inputs';

export interface LateProject {
  name: string;
  daysLate: number;
}

export interface ProjectSummary {
  /** Open projects past their due date, latest first. */
  late: LateProject[];
  missing: string[];
}

/** HubSpot's Projects object, when switched on: an open project past its due date. */
export function summariseProjects(source: SourceRead<ProjectInput>, now: Date): ProjectSummary {
  if (source.status === 'disabled') return { late: [], missing: [] };
  if (source.status === 'unavailable') return { late: [], missing: [`Not enough data to say anything about projects: ${source.reason}`] };
  const late = source.records
    .filter((p) => p.open && p.dueDate !== null && wholeDaysPast(p.dueDate, now) > 0)
    .map((p) => ({ name: p.name ?? `project ${p.id}`, daysLate: wholeDaysPast(p.dueDate!, now) }))
    .sort((a, b) => b.daysLate - a.daysLate);
  return { late, missing: [] };
}
