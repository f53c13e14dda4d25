import { randomUUID } from 'node:crypto';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import type { ActorKind, AuditEventType } from '../audit-vocabulary.js';

/**
 * One entry of the append-only audit trail. link_id and upload_id are plain columns without foreign
 * keys on purpose: an event outlives the link or upload it speaks of. A trigger (see the migration)
 * refuses UPDATE and DELETE on this table.
 */
@Entity({ tableName: 'audit_events' })
@Index({ name: 'audit_events_workspace_newest_idx', properties: ['workspaceId', 'occurredAt', 'id'] })
@Index({ name: 'audit_events_link_idx', properties: ['linkId', 'occurredAt'] })
@Index({ name: 'audit_events_upload_idx', properties: ['uploadId', 'occurredAt'] })
export class AuditEvent {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64 })
  type!: AuditEventType;

  @Property({ type: 'datetime', length: 3 })
  occurredAt: Date = new Date();

  @Property({ type: 'uuid' })
  workspaceId!: string;

  @Property({ type: 'uuid', nullable: true })
  linkId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  uploadId: string | null = null;

  @Property({ type: 'string', length: 16 })
  actorKind!: ActorKind;

  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  @Property({ type: 'string', length: 64, nullable: true })
  clientIp: string | null = null;

  @Property({ type: 'string', length: 512, nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'json' })
  detail: Record<string, unknown> = {};
}
