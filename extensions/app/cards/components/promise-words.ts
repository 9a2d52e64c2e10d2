import type { CommitmentStatus } from '../shared/promises-card-data';

type TagVariant = 'default' | 'warning' | 'success' | 'error' | 'info';

/** A promise's status in a rep's words, when the portal sent no label. */
export const COMMITMENT_STATUS_WORDS: Record<CommitmentStatus, { label: string; variant: TagVariant }> = {
  open: { label: 'Open', variant: 'default' },
  kept: { label: 'Kept', variant: 'success' },
  at_risk: { label: 'At risk', variant: 'warning' },
  broken: { label: 'Broken', variant: 'error' },
  change_order: { label: 'Became a change order', variant: 'info' },
};

/** Broken and at-risk first: they need someone. */
export const COMMITMENT_STATUS_ORDER: CommitmentStatus[] = ['broken', 'at_risk', 'open', 'change_order', 'kept'];

const HOW_WORDS: Record<string, string> = { proposal: 'Written in the proposal', verbal: 'Verbal', email: 'Email' };
export const howWords = (how: string | null, label: string | null) => label ?? (how ? (HOW_WORDS[how] ?? how) : 'Not said how');
