export { assessDelivery } from './assess-delivery';
export { deliveryHealthProperties, changedProperties, type DealPropertyValues } from './health-properties';
export { isWorse } from './health-order';
export type * from './assessment';
export type * from './delivery-inputs';
