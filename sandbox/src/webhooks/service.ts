import type { FaultState } from '../faults';
import type { SandboxStore } from '../store/store';
import type { RecordChange } from '../store/types';
import { WebhookDelivery, type DeliveryAttempt, type DeliveryConfig } from './delivery';
import { buildEvent, type WebhookEvent } from './events';
import { matchingSubscriptions, resolveSubscriptions, type ResolvedSubscription, type WebhookSubscription } from './subscriptions';

/** Turns record changes into webhook events for the subscriptions that match, then delivers them. */

export interface DroppedEvent {
  event: WebhookEvent;
  reason: 'fault' | 'no-target';
}

export interface WebhookServiceConfig extends DeliveryConfig {
  portalId: number;
  appId: string;
  targetUrl?: string;
  subscriptions: readonly WebhookSubscription[];
  /** Values of `${…}` variables in subscriptions (see subscription-variables.ts). */
  variables: Readonly<Record<string, string>>;
}

const FIRST_EVENT_ID = 100_001;

export class WebhookService {
  private subs: ResolvedSubscription[];
  private target: string | undefined;
  private readonly delivery: WebhookDelivery;
  private droppedEvents: DroppedEvent[] = [];
  private nextEventId = FIRST_EVENT_ID;

  constructor(
    private readonly config: WebhookServiceConfig,
    private readonly store: SandboxStore,
    private readonly faults: FaultState,
  ) {
    this.subs = resolveSubscriptions(config.subscriptions);
    this.target = config.targetUrl;
    this.delivery = new WebhookDelivery(config);
    store.records.onChange((change) => this.onChange(change));
  }

  private onChange(change: RecordChange): void {
    if (!change.emitWebhooks) return;
    for (const sub of matchingSubscriptions(this.subs, change, this.store.types, this.config.variables)) {
      const def = change.propertyName ? this.store.properties.get(change.objectTypeId, change.propertyName) : undefined;
      const event = buildEvent(change, sub, def, { eventId: this.nextEventId++, portalId: this.config.portalId, appId: this.config.appId });
      if (!this.target) this.droppedEvents.push({ event, reason: 'no-target' });
      else if (this.faults.dropWebhook()) this.droppedEvents.push({ event, reason: 'fault' });
      else this.delivery.enqueue(this.target, event);
    }
  }

  setTarget(url: string | undefined): void {
    this.target = url;
  }

  targetUrl(): string | undefined {
    return this.target;
  }

  setSubscriptions(subs: readonly WebhookSubscription[]): void {
    this.subs = resolveSubscriptions(subs);
  }

  subscriptions(): ResolvedSubscription[] {
    return [...this.subs];
  }

  flush(): Promise<void> {
    this.delivery.flush();
    return this.delivery.idle();
  }

  idle(): Promise<void> {
    return this.delivery.idle();
  }

  deliveries(): DeliveryAttempt[] {
    return this.delivery.log();
  }

  dropped(): DroppedEvent[] {
    return [...this.droppedEvents];
  }

  reset(): void {
    this.delivery.cancelPending();
    this.delivery.clearLog();
    this.droppedEvents = [];
    this.nextEventId = FIRST_EVENT_ID;
  }

  stop(): void {
    this.delivery.stop();
  }
}
