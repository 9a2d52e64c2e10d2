import type { HistoryEntry, Pipeline } from '../hubspot/types';

export interface StageEntry {
  /** When the deal entered its current stage (start of the newest run of that value). */
  enteredAt: string | undefined;
  /** The stages it was in before, newest first, without repeats. */
  earlierStages: string[];
  /** Who put it there: the history entry that started the current run. */
  enteredBy: HistoryEntry | undefined;
}

/** Reads `dealstage` history (newest first) for the current stage's entry time and the stages before. */
export function readStageEntry(history: HistoryEntry[], currentStage: string): StageEntry {
  const sorted = [...history].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));
  let i = 0;
  let enteredBy: HistoryEntry | undefined;
  while (i < sorted.length && sorted[i]!.value === currentStage) enteredBy = sorted[i++];
  const earlierStages: string[] = [];
  for (; i < sorted.length; i++) {
    const v = sorted[i]!.value;
    if (v !== currentStage && earlierStages[earlierStages.length - 1] !== v) earlierStages.push(v);
  }
  return { enteredAt: enteredBy?.timestamp, earlierStages, enteredBy };
}

/**
 * Where a blocked deal goes back to: the most recent earlier stage that is open, in the same
 * pipeline and not itself gated; otherwise the pipeline's first open stage.
 */
export function revertTarget(entry: StageEntry, pipeline: Pipeline, isGated: (stageId: string) => boolean): string | undefined {
  const open = pipeline.stages.filter((s) => !s.isClosed);
  const usable = (id: string) => pipeline.stages.some((s) => s.id === id) && !isGated(id);
  const previous = entry.earlierStages.find(usable);
  return previous ?? open.find((s) => !isGated(s.id))?.id;
}
