import type { CrmRecord, HistoryEntry, Pipeline } from './types';

interface ClientHistory {
  value: string;
  timestamp: Date | string;
  sourceType: string;
  sourceId?: string;
  updatedByUserId?: number;
}

interface ClientObject {
  id: string;
  properties: Record<string, string | null>;
  propertiesWithHistory?: Record<string, ClientHistory[]>;
  createdAt?: Date | string;
  updatedAt?: Date | string;
}

const iso = (d: Date | string | undefined) => (d === undefined ? undefined : d instanceof Date ? d.toISOString() : d);

/** The client deserialises into classes with Date fields; the service works with plain strings. */
export function toCrmRecord(o: ClientObject): CrmRecord {
  const history: Record<string, HistoryEntry[]> = {};
  for (const [name, entries] of Object.entries(o.propertiesWithHistory ?? {})) {
    history[name] = entries
      .map((e) => ({
        value: e.value,
        timestamp: iso(e.timestamp)!,
        sourceType: e.sourceType,
        ...(e.sourceId !== undefined ? { sourceId: e.sourceId } : {}),
        ...(e.updatedByUserId !== undefined ? { updatedByUserId: e.updatedByUserId } : {}),
      }))
      .sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
  }
  return { id: o.id, properties: { ...o.properties }, history, createdAt: iso(o.createdAt), updatedAt: iso(o.updatedAt) };
}

interface ClientPipeline {
  id: string;
  label: string;
  displayOrder: number;
  stages: Array<{ id: string; label: string; displayOrder: number; metadata?: Record<string, string> }>;
}

export function toPipeline(p: ClientPipeline): Pipeline {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    stages: [...p.stages]
      .sort((a, b) => a.displayOrder - b.displayOrder)
      .map((s) => {
        const probability = Number.parseFloat(s.metadata?.probability ?? '');
        return {
          id: s.id,
          label: s.label,
          displayOrder: s.displayOrder,
          isClosed: s.metadata?.isClosed === 'true',
          probability: Number.isFinite(probability) ? probability : undefined,
          ...(s.metadata?.ticketState ? { ticketState: s.metadata.ticketState } : {}),
        };
      }),
  };
}
