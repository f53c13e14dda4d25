import { randomUUID } from 'node:crypto';
import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Webhook } from './webhook.entity.js';
import type { DeliveryStatus } from '../webhook-vocabulary.js';

/**
 * The outbox: one row per event and endpoint, written in the transaction of the change it reports.
 * The body is stored as sent, so every try carries the same bytes and the same webhook-id (the id).
 * A worker claims a due row by pushing next_attempt_at forward (a lease): a crash mid-try makes it
 * due again, so nothing committed is lost.
 */
@Entity({ tableName: 'webhook_deliveries' })
@Index({ name: 'webhook_deliveries_due_idx', properties: ['status', 'nextAttemptAt'] })
@Index({ name: 'webhook_deliveries_webhook_newest_idx', properties: ['webhook', 'createdAt', 'id'] })
export class WebhookDelivery {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Webhook, { deleteRule: 'cascade' })
  webhook!: Webhook;

  @Property({ type: 'uuid' })
  workspaceId!: string;

  @Property({ type: 'string', length: 64 })
  eventType!: string;

  @Property({ type: 'text' })
  body!: string;

  @Property({ type: 'string', length: 16, default: 'pending' })
  status: DeliveryStatus = 'pending';

  @Property({ type: 'int', default: 0 })
  attempts: number = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  nextAttemptAt: Date | null = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastAttemptAt: Date | null = null;

  @Property({ type: 'int', nullable: true })
  lastStatusCode: number | null = null;

  @Property({ type: 'int', nullable: true })
  lastDurationMs: number | null = null;

  @Property({ type: 'string', length: 500, nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3, nullable: true })
  deliveredAt: Date | null = null;
}
