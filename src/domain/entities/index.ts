import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { IntakeLink } from './intake-link.entity.js';
import { RateLimitCounter } from './rate-limit-counter.entity.js';
import { Upload } from './upload.entity.js';
import { UploadIdempotencyKey } from './upload-idempotency-key.entity.js';
import { UploadReservation } from './upload-reservation.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { Webhook } from './webhook.entity.js';
import { Workspace } from './workspace.entity.js';

/** Every entity, for the ORM configuration. */
export const ENTITIES = [
  Workspace,
  ApiKey,
  IntakeLink,
  Upload,
  AuditEvent,
  RateLimitCounter,
  UploadReservation,
  UploadIdempotencyKey,
  Webhook,
  WebhookDelivery,
];

export { ApiKey, AuditEvent, IntakeLink, RateLimitCounter, Upload, UploadIdempotencyKey, UploadReservation, Webhook, WebhookDelivery, Workspace };
