import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { IntakeLink } from './intake-link.entity.js';

/**
 * One `Idempotency-Key` a customer's client sent to a link's raw upload route. The upload id is chosen
 * when the key is claimed, so a retry can tell whether the first attempt committed even when its
 * answer was lost (the connection died after COMMIT was sent): the upload row then exists.
 */
@Entity({ tableName: 'upload_idempotency_keys' })
@Index({ name: 'upload_idempotency_keys_created_idx', properties: ['createdAt'] })
export class UploadIdempotencyKey {
  @ManyToOne(() => IntakeLink, { primary: true, deleteRule: 'cascade' })
  link!: IntakeLink;

  @PrimaryKey({ type: 'string', length: 128 })
  idempotencyKey!: string;

  /** The id the first attempt's upload has (or will have) once it commits. */
  @Property({ type: 'uuid' })
  uploadId!: string;

  /** The first 201 body, kept once it was answered; null while the first attempt is in flight. */
  @Property({ type: 'json', nullable: true })
  response: unknown = null;

  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;

  /** Moved by the attempt while it streams; a claim whose heartbeat stopped was abandoned. */
  @Property({ type: 'datetime', length: 3 })
  heartbeatAt!: Date;
}
