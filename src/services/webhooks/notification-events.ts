import type { AuditEventRecord } from '../../domain/records.js';
import type { NotificationEvent } from '../../domain/webhook-records.js';
import { isWebhookEventType, type WebhookEventType } from '../../domain/webhook-vocabulary.js';

// Detail keys that describe a request, not the thing that changed: not part of a notification.
const REQUEST_KEYS = new Set(['request_id']);

/** The notification for an audit event, or null when its type is not one integrators receive. */
export function notificationOfAuditEvent(event: AuditEventRecord): NotificationEvent | null {
  if (!isWebhookEventType(event.type)) return null;
  const detail = Object.fromEntries(Object.entries(event.detail).filter(([key]) => !REQUEST_KEYS.has(key)));
  return notification(event.type, event.occurredAt, {
    event_id: event.id,
    workspace_id: event.workspaceId,
    link_id: event.linkId,
    upload_id: event.uploadId,
    ...detail,
  });
}

/** A notification of `type` at `at`. */
export function notification(type: WebhookEventType, at: Date, data: Record<string, unknown>): NotificationEvent {
  return { type, timestamp: at.toISOString(), data };
}

/** What travels on the LISTEN/NOTIFY channel to every server process (subscriptions filter on it). */
export interface BroadcastEvent {
  workspaceId: string;
  linkId: string | null;
  event: NotificationEvent;
}
