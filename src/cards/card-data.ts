/**
 * The JSON the cards API serves and the cards render. One definition for both sides: the zod
 * schemas in extensions/app/cards/shared/card-data.ts, which the cards parse responses with. The
 * service uses the inferred types only (a type-only re-export: nothing from extensions/ is loaded
 * at run time), and test/cards/contract.test.ts parses the real service's answers with the schemas.
 */
export type {
  ApiError,
  CardComparison,
  CardContract,
  CardCustomerStatus,
  CardField,
  CardGate,
  CardGateItem,
  CardMissingGroup,
  CardScope,
  CompanyCardData,
  CompanyStatus,
  DealCardData,
  Engagement,
  GateStatusShown,
  NextRenewal,
  RecheckResponse,
  RenewalTask,
  StatusChange,
} from '../../extensions/app/cards/shared/card-data';
export type {
  AccountTotals,
  CardChangeOrder,
  CardTicket,
  DeliveryHealth,
  DeliverySection,
  DeliverySource,
  EngagementDelivery,
} from '../../extensions/app/cards/shared/delivery-card-data';
export type { CardCommitment, CommitmentsSection, DealsLikeThisSection, HandoffReviewSection } from '../../extensions/app/cards/shared/promises-card-data';
export type { CardCapacity, CardFeasibility, CardUnit, PresaleSection } from '../../extensions/app/cards/shared/presale-card-data';
