export { createMetrics, operationLabel, callOutcome, type Metrics, type MetricsOptions } from './metrics';
export { hubSpotCallObserver, combineObservers, recordGateRun, recordSweep, timedJob } from './hooks';
export { webhookMetrics, webhookOutcome, metricsEndpoint } from './http';
