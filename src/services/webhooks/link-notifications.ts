import type { LinkRecord } from '../../domain/records.js';
import type { NotificationEvent } from '../../domain/webhook-records.js';
import { notification } from './notification-events.js';

/** link.exhausted: the upload that took the link's last slot. */
export function linkExhausted(link: LinkRecord, at: Date): NotificationEvent {
  return notification('link.exhausted', at, {
    workspace_id: link.workspaceId,
    link_id: link.id,
    customer_slug: link.customerSlug,
    max_uploads: link.maxUploads,
    upload_count: link.uploadCount,
  });
}

/** link.expired: announced by the expiry job shortly after expires_at. */
export function linkExpired(link: LinkRecord): NotificationEvent {
  return notification('link.expired', link.expiresAt, {
    workspace_id: link.workspaceId,
    link_id: link.id,
    customer_slug: link.customerSlug,
    expires_at: link.expiresAt.toISOString(),
    upload_count: link.uploadCount,
  });
}
