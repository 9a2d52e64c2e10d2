import type { Properties } from '../hubspot/types';

export interface TodoContent {
  subject: string;
  body: string;
  /** ISO time the task is due (`hs_timestamp`). */
  dueAt: string;
  priority: 'HIGH' | 'MEDIUM' | 'LOW';
  ownerId?: string | undefined;
}

/** The properties of a to-do this app opens: not started, due at `dueAt`, owned when an owner is known. */
export function todoProperties(t: TodoContent): Properties {
  return {
    hs_task_subject: t.subject,
    hs_task_body: t.body,
    hs_task_status: 'NOT_STARTED',
    hs_task_priority: t.priority,
    hs_task_type: 'TODO',
    hs_timestamp: t.dueAt,
    ...(t.ownerId ? { hubspot_owner_id: t.ownerId } : {}),
  };
}
