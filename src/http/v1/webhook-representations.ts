import { z } from 'zod';
import type { DeliveryRecord, WebhookRecord } from '../../domain/webhook-records.js';
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES } from '../../domain/webhook-vocabulary.js';
import { isoTimestamp, isoTimestampOrNull } from '../../transport/iso-timestamp.js';

const timestamp = z.iso.datetime().meta({ description: 'UTC ISO-8601 timestamp' });

export const WebhookObject = z
  .object({
    id: z.uuid(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENT_TYPES)),
    enabled: z.boolean(),
    description: z.string().nullable(),
    created_at: timestamp,
    last_success_at: timestamp.nullable(),
    consecutive_failures: z.int(),
    disabled_reason: z.string().nullable().meta({ description: 'Why the server disabled it (a 410, or 5 days of failures), else null' }),
  })
  .meta({ id: 'Webhook' });

export const WebhookWithSecretObject = WebhookObject.extend({
  secret: z.string().meta({ description: 'The signing secret (`whsec_` + base64 of 32 bytes); shown only on creation and rotation' }),
}).meta({ id: 'WebhookWithSecret' });

export const DeliveryObject = z
  .object({
    id: z.uuid().meta({ description: 'Also the webhook-id header of every try' }),
    webhook_id: z.uuid(),
    event_type: z.enum(WEBHOOK_EVENT_TYPES),
    status: z.enum(DELIVERY_STATUSES),
    attempts: z.int(),
    last_status_code: z.int().nullable(),
    last_duration_ms: z.int().nullable(),
    last_error: z.string().nullable(),
    last_attempt_at: timestamp.nullable(),
    next_attempt_at: timestamp.nullable(),
    created_at: timestamp,
    delivered_at: timestamp.nullable(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'The body as sent: {type, timestamp, data}' }),
  })
  .meta({ id: 'WebhookDelivery' });

export function toWebhookObject(webhook: WebhookRecord): z.infer<typeof WebhookObject> {
  return {
    id: webhook.id,
    url: webhook.url,
    events: webhook.events,
    enabled: webhook.enabled,
    description: webhook.description,
    created_at: isoTimestamp(webhook.createdAt),
    last_success_at: isoTimestampOrNull(webhook.lastSuccessAt),
    consecutive_failures: webhook.consecutiveFailures,
    disabled_reason: webhook.disabledReason,
  };
}

export function toWebhookWithSecret(webhook: WebhookRecord): z.infer<typeof WebhookWithSecretObject> {
  return { ...toWebhookObject(webhook), secret: webhook.secret };
}

export function toDeliveryObject(delivery: DeliveryRecord): z.infer<typeof DeliveryObject> {
  return {
    id: delivery.id,
    webhook_id: delivery.webhookId,
    event_type: delivery.eventType,
    status: delivery.status,
    attempts: delivery.attempts,
    last_status_code: delivery.lastStatusCode,
    last_duration_ms: delivery.lastDurationMs,
    last_error: delivery.lastError,
    last_attempt_at: isoTimestampOrNull(delivery.lastAttemptAt),
    next_attempt_at: delivery.status === 'pending' ? isoTimestampOrNull(delivery.nextAttemptAt) : null,
    created_at: isoTimestamp(delivery.createdAt),
    delivered_at: isoTimestampOrNull(delivery.deliveredAt),
    payload: JSON.parse(delivery.body) as Record<string, unknown>,
  };
}
