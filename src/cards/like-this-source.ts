import type { CrmRecord } from '../hubspot/types';
import type { DealsLikeThis } from '../insights/deals-like-this';

/** "Deals like this" for an open deal, from the service's cached summary (the card never computes it). */
export interface LikeThisSource {
  /** Deal properties the lookup matches on (deal type, or the configured grouping). */
  properties: string[];
  likeThis(deal: CrmRecord): Promise<DealsLikeThis | null>;
}
