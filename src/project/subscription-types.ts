export interface CrmObjectSubscription {
  subscriptionType: 'object.propertyChange' | 'object.creation';
  objectType: string;
  propertyName?: string;
  active: boolean;
}

export interface SubscriptionOptions {
  /**
   * How a custom object is named: by default the profile variable holding its `2-…` id
   * (`${SERVICE_CONTRACT_OBJECT_TYPE_ID}`); a portal's real id where it is known (the stand-in).
   */
  objectTypeOf?: (schemaName: string) => string;
  /** Leave custom objects out: the first upload, before the portal has them (see README). */
  withoutCustomObjects?: boolean;
}
