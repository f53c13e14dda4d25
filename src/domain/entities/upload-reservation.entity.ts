import { Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { IntakeLink } from './intake-link.entity.js';

/**
 * A slot of a link held by a resumable upload in flight. It exists from the upload's creation until
 * the file is committed (the slot becomes a received upload), terminated or expired (the slot is
 * released); the link's reserved_uploads counts these rows and changes with them in one transaction.
 */
@Entity({ tableName: 'upload_reservations' })
@Index({ name: 'upload_reservations_expires_idx', properties: ['expiresAt'] })
export class UploadReservation {
  /** The resumable upload's id (also the tus upload id in its URL). */
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @ManyToOne(() => IntakeLink, { deleteRule: 'cascade' })
  link!: IntakeLink;

  /** When the upload began: the link's expiry is judged against this moment, also at commit. */
  @Property({ type: 'datetime', length: 3 })
  createdAt!: Date;

  /** 24 hours after the last byte arrived; an incomplete upload is swept after this. */
  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;
}
