import type { DeliveryService } from '../delivery/delivery-service';
import type { GateService } from '../gate/gate-service';
import type { PipelineCache } from '../gate/pipeline-cache';
import type { CrmGateway } from '../hubspot/crm-gateway';
import type { PortalTypes } from '../hubspot/object-types';
import type { Model } from '../model';
import type { LikeThisSource } from './like-this-source';
import type { PresaleService } from '../presale/presale-service';

/** What the card loaders read with: the gate's own evaluation, the gateway, the schemas and settings. */
export interface CardDeps {
  gate: Pick<GateService, 'evaluateDeal' | 'gateDeals'>;
  gateway: CrmGateway;
  types: PortalTypes;
  pipelines: PipelineCache;
  model: Model;
  settings: {
    /** PORTAL_TIMEZONE */
    timeZone: string;
    /** PORTAL_CURRENCY: for values without a deal_currency_code. */
    currency: string;
    /** HUBSPOT_APP_ID: tells this app's writes from a person's. */
    appId: string | undefined;
  };
  clock: () => Date;
  /** The Delivery section of deals in delivery; built on first use (absent: no section). */
  delivery?: () => Promise<Pick<DeliveryService, 'cardSection'>>;
  /** The insights' cached "Deals like this"; absent: the card leaves the section out. */
  likeThis?: LikeThisSource;
  /** The pre-sale section and the feasibility review request; without it the card has neither. */
  presale?: Pick<PresaleService, 'cardSection' | 'requestReview' | 'dealProperties'>;
}
