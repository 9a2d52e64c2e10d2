import { parseHubSpotDate } from '../dates/calendar';
import { COMMITMENT_PROPERTIES as P } from '../model/commitment-properties';
import { COMMITMENT_HOWS, COMMITMENT_STATUSES, SCOPE_DECISIONS, type CommitmentInput } from './commitment-inputs';

type Values = Record<string, string | null | undefined>;

const textOf = (v: string | null | undefined) => (v && v.trim() ? v.trim() : null);

function oneOf<T extends string>(allowed: readonly T[], v: string | null | undefined): T | null {
  const t = textOf(v);
  return t !== null && (allowed as readonly string[]).includes(t) ? (t as T) : null;
}

function boolOf(v: string | null | undefined): boolean | null {
  const t = textOf(v)?.toLowerCase();
  return t === 'true' ? true : t === 'false' ? false : null;
}

/** A Commitment record's properties as HubSpot sends them (strings) → CommitmentInput. */
export function readCommitment(id: string, values: Values): CommitmentInput {
  return {
    id,
    title: textOf(values[P.title]),
    toWhom: textOf(values[P.toWhom]),
    byWhom: textOf(values[P.byWhom]),
    how: oneOf(COMMITMENT_HOWS, values[P.how]),
    inSignedScope: boolOf(values[P.inSignedScope]),
    scopeDecision: oneOf(SCOPE_DECISIONS, values[P.scopeDecision]),
    dueDate: parseHubSpotDate(values[P.dueDate]) ?? null,
    status: oneOf(COMMITMENT_STATUSES, values[P.status]),
    deliveryNote: textOf(values[P.deliveryNote]),
    extraWork: boolOf(values[P.extraWork]),
  };
}
