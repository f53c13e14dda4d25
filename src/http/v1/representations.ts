import { z } from 'zod';
import { LINK_STATUSES } from '../../domain/link-status.js';
import { ACTOR_KINDS, AUDIT_EVENT_TYPES } from '../../domain/audit-vocabulary.js';
import { SCAN_STATUSES } from '../../domain/scan-status.js';
import type { ApiKeyRecord, AuditEventRecord, UploadRecord, WorkspaceRecord } from '../../domain/records.js';
import type { LinkView } from '../../services/link.service.js';
import type { IssuedApiKey } from '../../services/workspace.service.js';
import type { OperatorStatus } from '../../services/status.service.js';
import { isoTimestamp, isoTimestampOrNull } from '../../transport/iso-timestamp.js';

/*
 * The REST representations: snake_case, UTC ISO-8601 timestamps, exactly the documented fields in
 * the documented order. Each schema documents its presenter in the OpenAPI document.
 */

const timestamp = z.iso.datetime().meta({ id: 'Timestamp', description: 'UTC ISO-8601 timestamp' });
const uuid = z.uuid().meta({ id: 'Uuid' });

export const ErrorBody = z
  .object({ error_code: z.string().meta({ description: 'Stable snake_case code to switch on' }), detail: z.string() })
  .meta({ id: 'Error' });

export const LinkObject = z
  .object({
    id: uuid,
    workspace_id: uuid,
    customer_slug: z.string(),
    display_name: z.string().nullable(),
    upload_url: z.string().meta({ description: 'Relative URL of the upload page (embeds the token)' }),
    link_token: z.string(),
    status: z.enum(LINK_STATUSES),
    created_at: timestamp,
    expires_at: timestamp,
    revoked_at: timestamp.nullable(),
    max_uploads: z.int(),
    upload_count: z.int(),
    last_upload_at: timestamp.nullable(),
  })
  .meta({ id: 'IntakeLink' });

export const UploadObject = z
  .object({
    id: uuid,
    link_id: uuid,
    customer_slug: z.string(),
    filename: z.string(),
    content_type: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size_bytes: z.int(),
    received_at: timestamp,
    scan_status: z.enum(SCAN_STATUSES),
    scan_signature: z.string().nullable().meta({ description: 'The signature the scanner matched (infected), else null' }),
    scanned_at: timestamp.nullable().meta({ description: 'When the latest complete scan finished; a rescan moves it' }),
    duplicate_of: z.object({ id: uuid, received_at: timestamp }).nullable(),
  })
  .meta({ id: 'Upload' });

export const AuditEventObject = z
  .object({
    id: uuid,
    type: z.enum(AUDIT_EVENT_TYPES),
    occurred_at: timestamp,
    workspace_id: uuid,
    link_id: uuid.nullable(),
    upload_id: uuid.nullable(),
    actor: z.object({ kind: z.enum(ACTOR_KINDS), id: uuid.nullable() }),
    client_ip: z.string().nullable(),
    user_agent: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .meta({ id: 'AuditEvent' });

export const WorkspaceObject = z
  .object({
    id: uuid,
    name: z.string(),
    created_at: timestamp,
    notify_email: z.string().nullable().meta({ description: 'Where an e-mail goes when files arrive (at most one per link per 10 minutes); null for none' }),
  })
  .meta({ id: 'Workspace' });

export const WorkspaceCreatedObject = z
  .object({
    id: uuid,
    name: z.string(),
    created_at: timestamp,
    api_key: z.string().meta({ description: 'The first API key of the workspace (shown once)' }),
    api_key_id: uuid.meta({ description: 'The id of that key, to list or revoke it' }),
  })
  .meta({ id: 'WorkspaceCreated' });

export const ApiKeyCreatedObject = z
  .object({ id: uuid, api_key: z.string().meta({ description: 'Shown once' }), created_at: timestamp })
  .meta({ id: 'ApiKeyCreated' });

export const ApiKeyObject = z
  .object({ id: uuid, created_at: timestamp, revoked_at: timestamp.nullable(), last_used_at: timestamp.nullable() })
  .meta({ id: 'ApiKey', description: 'An API key as listed: never its secret' });

export function toLinkObject(link: LinkView): z.infer<typeof LinkObject> {
  return {
    id: link.id,
    workspace_id: link.workspaceId,
    customer_slug: link.customerSlug,
    display_name: link.displayName,
    upload_url: link.uploadUrl,
    link_token: link.token,
    status: link.status,
    created_at: isoTimestamp(link.createdAt),
    expires_at: isoTimestamp(link.expiresAt),
    revoked_at: isoTimestampOrNull(link.revokedAt),
    max_uploads: link.maxUploads,
    upload_count: link.uploadCount,
    last_upload_at: isoTimestampOrNull(link.lastUploadAt),
  };
}

export function toUploadObject(upload: UploadRecord): z.infer<typeof UploadObject> {
  return {
    id: upload.id,
    link_id: upload.linkId,
    customer_slug: upload.customerSlug,
    filename: upload.filename,
    content_type: upload.contentType,
    sha256: upload.sha256,
    size_bytes: upload.sizeBytes,
    received_at: isoTimestamp(upload.receivedAt),
    scan_status: upload.scanStatus,
    scan_signature: upload.scanSignature,
    scanned_at: isoTimestampOrNull(upload.scannedAt),
    duplicate_of: upload.duplicateOf ? { id: upload.duplicateOf.id, received_at: isoTimestamp(upload.duplicateOf.receivedAt) } : null,
  };
}

export function toAuditEventObject(event: AuditEventRecord): z.infer<typeof AuditEventObject> {
  return {
    id: event.id,
    type: event.type,
    occurred_at: isoTimestamp(event.occurredAt),
    workspace_id: event.workspaceId,
    link_id: event.linkId,
    upload_id: event.uploadId,
    actor: { kind: event.actor.kind, id: event.actor.id },
    client_ip: event.clientIp,
    user_agent: event.userAgent,
    detail: event.detail,
  };
}

export function toWorkspaceObject(workspace: WorkspaceRecord): z.infer<typeof WorkspaceObject> {
  return { id: workspace.id, name: workspace.name, created_at: isoTimestamp(workspace.createdAt), notify_email: workspace.notifyEmail };
}

export function toWorkspaceCreatedObject(workspace: WorkspaceRecord, key: IssuedApiKey): z.infer<typeof WorkspaceCreatedObject> {
  return { id: workspace.id, name: workspace.name, created_at: isoTimestamp(workspace.createdAt), api_key: key.secret, api_key_id: key.id };
}

export function toApiKeyObject(key: ApiKeyRecord): z.infer<typeof ApiKeyObject> {
  return { id: key.id, created_at: isoTimestamp(key.createdAt), revoked_at: isoTimestampOrNull(key.revokedAt), last_used_at: isoTimestampOrNull(key.lastUsedAt) };
}

export function toApiKeyCreatedObject(key: ApiKeyRecord & { secret: string }): z.infer<typeof ApiKeyCreatedObject> {
  return { id: key.id, api_key: key.secret, created_at: isoTimestamp(key.createdAt) };
}

export const StatusObject = z
  .object({
    database: z.object({ reachable: z.boolean() }),
    scanner: z.object({
      configured: z.boolean(),
      reachable: z.boolean(),
      version: z.string().nullable().meta({ description: "clamd's VERSION answer" }),
      queue_depth: z.int().meta({ description: 'Scan jobs waiting, retrying or running' }),
      oldest_pending_age_seconds: z.int().nullable().meta({ description: 'Age of the oldest pending upload' }),
    }),
  })
  .meta({ id: 'OperatorStatus' });

export function toStatusObject(status: OperatorStatus): z.infer<typeof StatusObject> {
  return {
    database: { reachable: status.database.reachable },
    scanner: {
      configured: status.scanner.configured,
      reachable: status.scanner.reachable,
      version: status.scanner.version,
      queue_depth: status.scanner.queueDepth,
      oldest_pending_age_seconds: status.scanner.oldestPendingAgeSeconds,
    },
  };
}
