import { ApiKey } from './api-key.entity.js';
import { AuditEvent } from './audit-event.entity.js';
import { IntakeLink } from './intake-link.entity.js';
import { RateLimitCounter } from './rate-limit-counter.entity.js';
import { Upload } from './upload.entity.js';
import { UploadReservation } from './upload-reservation.entity.js';
import { Workspace } from './workspace.entity.js';

/** Every entity, for the ORM configuration. */
export const ENTITIES = [Workspace, ApiKey, IntakeLink, Upload, AuditEvent, RateLimitCounter, UploadReservation];

export { ApiKey, AuditEvent, IntakeLink, RateLimitCounter, Upload, UploadReservation, Workspace };
