/**
 * The signature verdicts of the most recent webhook requests (pure: the caller passes the time).
 * Readiness asks one question of it: was every recent webhook refused for its signature? That is
 * a misconfiguration (wrong HUBSPOT_CLIENT_SECRET, PUBLIC_BASE_URL or clock), not bad luck.
 */

export type WebhookVerdict = { ok: true } | { ok: false; reason: string };

export interface VerdictSummary {
  /** Verdicts inside the window (at most `size`). */
  seen: number;
  refused: number;
  /** Refusals by reason, e.g. { bad_signature: 4 }. */
  reasons: Record<string, number>;
}

export interface WebhookVerdictWindow {
  record(verdict: WebhookVerdict, at: number): void;
  summary(now: number): VerdictSummary;
}

export function createWebhookVerdictWindow(options: { size?: number; windowMs?: number } = {}): WebhookVerdictWindow {
  const size = options.size ?? 20;
  const windowMs = options.windowMs ?? 300_000;
  let recent: Array<{ at: number; refusedFor?: string }> = [];
  return {
    record(verdict, at) {
      recent.push(verdict.ok ? { at } : { at, refusedFor: verdict.reason });
      if (recent.length > size) recent = recent.slice(-size);
    },
    summary(now) {
      recent = recent.filter((v) => now - v.at <= windowMs);
      const reasons: Record<string, number> = {};
      for (const v of recent) if (v.refusedFor) reasons[v.refusedFor] = (reasons[v.refusedFor] ?? 0) + 1;
      return { seen: recent.length, refused: recent.filter((v) => v.refusedFor).length, reasons };
    },
  };
}
