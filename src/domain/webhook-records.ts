import type { DeliveryStatus, WebhookEventType } from './webhook-vocabulary.js';

/** A webhook endpoint as services see it (the secrets included: only signing and creation read them). */
export interface WebhookRecord {
  id: string;
  workspaceId: string;
  url: string;
  events: WebhookEventType[];
  enabled: boolean;
  description: string | null;
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
  createdAt: Date;
  lastSuccessAt: Date | null;
  consecutiveFailures: number;
  failingSince: Date | null;
  disabledReason: string | null;
}

/** One event for one endpoint, and how its delivery went. */
export interface DeliveryRecord {
  id: string;
  webhookId: string;
  workspaceId: string;
  eventType: WebhookEventType;
  body: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastDurationMs: number | null;
  lastError: string | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

/**
 * An event as integrators and subscribers receive it: `{type, timestamp, data}`. data holds ids and
 * file facts only, never file bytes, a link token or a key.
 */
export interface NotificationEvent {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}
