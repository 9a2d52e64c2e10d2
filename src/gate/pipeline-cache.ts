import type { Pipeline } from '../hubspot/types';

/**
 * Deal pipelines change rarely; read them once and again after `ttlMs`, or at once when a deal
 * names a pipeline or stage we have not seen (an admin just added it).
 */
export class PipelineCache {
  private pipelines: Pipeline[] | undefined;
  private readAt = 0;
  private pending: Promise<Pipeline[]> | undefined;

  constructor(
    private readonly load: () => Promise<Pipeline[]>,
    private readonly ttlMs = 5 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async all(): Promise<Pipeline[]> {
    if (this.pipelines && this.clock() - this.readAt < this.ttlMs) return this.pipelines;
    return this.refresh();
  }

  /** The pipeline that holds this stage, refreshing once if it is unknown. */
  async find(pipelineId: string | null | undefined, stageId: string | null | undefined): Promise<Pipeline | undefined> {
    const lookup = (ps: Pipeline[]) => ps.find((p) => p.id === pipelineId && (!stageId || p.stages.some((s) => s.id === stageId)));
    return lookup(await this.all()) ?? lookup(await this.refresh());
  }

  refresh(): Promise<Pipeline[]> {
    this.pending ??= this.load()
      .then((ps) => {
        this.pipelines = ps;
        this.readAt = this.clock();
        return ps;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}
