import { randomUUID } from 'node:crypto';
import type { Tx } from '../../db/unit-of-work.js';
import type { NotificationEvent } from '../../domain/webhook-records.js';
import type { WebhookDeliveryRepository } from '../../repositories/webhook-delivery.repository.js';
import type { WebhookRepository } from '../../repositories/webhook.repository.js';
import type { BroadcastEvent } from './notification-events.js';

/** The NOTIFY channel live subscriptions listen on. */
export const EVENTS_CHANNEL = 'intake_events';

/** One event to publish, of one workspace (and link, if it is about one). */
export interface Publication {
  workspaceId: string;
  linkId: string | null;
  event: NotificationEvent;
}

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
    await this.publishAll(tx, [{ workspaceId, linkId, event }]);
  }

  /**
   * `publish` for each of many events at once, in one transaction (a batch of the expiry job): each
   * event still reaches live subscriptions and gets its own outbox row per endpoint of its own
   * workspace, but the endpoints are looked up once per event type for the whole batch (the live
   * subscriptions' NOTIFYs ride on that lookup), and the outbox rows are written together: one event
   * or two hundred, the same few statements.
   */
  async publishAll(tx: Tx, publications: readonly Publication[]): Promise<void> {
    const byType = new Map<NotificationEvent['type'], Publication[]>();
    for (const publication of publications) {
      const same = byType.get(publication.event.type);
      if (same) same.push(publication);
      else byType.set(publication.event.type, [publication]);
    }
    const createdAt = new Date();
    const rows: Parameters<WebhookDeliveryRepository['enqueue']>[1] = [];
    for (const [type, ofType] of byType) {
      const workspaceIds = [...new Set(ofType.map((publication) => publication.workspaceId))];
      const payloads = ofType.map(({ workspaceId, linkId, event }) => JSON.stringify({ workspaceId, linkId, event } satisfies BroadcastEvent));
      const endpoints = await this.webhooks.subscribersOfWorkspacesNotifying(workspaceIds, type, EVENTS_CHANNEL, payloads, tx);
      const endpointsOf = new Map<string, string[]>();
      for (const endpoint of endpoints) {
        const ids = endpointsOf.get(endpoint.workspaceId);
        if (ids) ids.push(endpoint.id);
        else endpointsOf.set(endpoint.workspaceId, [endpoint.id]);
      }
      for (const { workspaceId, event } of ofType) {
        const body = JSON.stringify(event);
        for (const webhookId of endpointsOf.get(workspaceId) ?? []) rows.push({ id: randomUUID(), webhookId, workspaceId, eventType: type, body, createdAt });
      }
    }
    await this.deliveries.enqueue(tx, rows);
  }
}
