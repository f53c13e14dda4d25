import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/unit-of-work.js';
import type { NotificationEvent } from '../../domain/webhook-records.js';
import type { WebhookDeliveryRepository } from '../../repositories/webhook-delivery.repository.js';
import type { WebhookRepository } from '../../repositories/webhook.repository.js';
import type { BroadcastEvent } from './notification-events.js';

/** The NOTIFY channel live subscriptions listen on. */
export const EVENTS_CHANNEL = 'intake_events';

/**
 * Publishes a notification inside the transaction of the change it describes: an outbox row per
 * subscribed endpoint, and a NOTIFY for live subscriptions. PostgreSQL sends a NOTIFY only when the
 * transaction commits, so a rolled-back change reaches neither webhooks nor subscribers.
 */
export class EventPublisher {
  constructor(
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
  ) {}

  async publish(tx: Tx, workspaceId: string, linkId: string | null, event: NotificationEvent): Promise<void> {
    const broadcast: BroadcastEvent = { workspaceId, linkId, event };
    // The live subscriptions' NOTIFY rides on the endpoint lookup: one round trip, not two.
    const endpoints = await this.webhooks.subscribersNotifying(workspaceId, event.type, EVENTS_CHANNEL, JSON.stringify(broadcast), tx);
    const body = JSON.stringify(event);
    const createdAt = new Date();
    await this.deliveries.enqueue(
      tx,
      endpoints.map((endpoint) => ({ id: randomUUID(), webhookId: endpoint.id, workspaceId, eventType: event.type, body, createdAt })),
    );
  }
}
