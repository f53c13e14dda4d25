import { randomUUID } from 'node:crypto';
import { Check, Entity, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { Workspace } from './workspace.entity.js';

/**
 * An upload link for one customer. Its status is never stored: it is computed from revoked_at,
 * expires_at and the upload count (see link-status.ts), so moving expires_at in SQL takes effect at once.
 */
@Entity({ tableName: 'intake_links' })
@Index({ name: 'intake_links_workspace_newest_idx', properties: ['workspace', 'createdAt', 'id'] })
// The active-only list reads this instead: only links neither revoked nor full, keyed by expiry, so
// `expires_at > now` skips every expired one and a page costs the same however many inactive links
// lie between active ones (see LinkRepository.listPage and BENCHMARKS.md). created_at and id ride
// along so the page is chosen from the index alone. Status stays computed: nothing here can go stale.
@Index({
  name: 'intake_links_workspace_unexpired_idx',
  expression:
    'create index "intake_links_workspace_unexpired_idx" on "intake_links" ("workspace_id", "expires_at") include ("created_at", "id") where revoked_at is null and upload_count + reserved_uploads < max_uploads',
})
@Check({ name: 'intake_links_upload_count_check', expression: 'upload_count >= 0 and upload_count <= max_uploads' })
@Check({ name: 'intake_links_reserved_uploads_check', expression: 'reserved_uploads >= 0 and upload_count + reserved_uploads <= max_uploads' })
export class IntakeLink {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Workspace, { deleteRule: 'cascade' })
  workspace!: Workspace;

  @Property({ type: 'string', length: 64 })
  customerSlug!: string;

  @Property({ type: 'string', length: 200, nullable: true })
  displayName: string | null = null;

  /** The customer's credential. Kept readable because the contract returns it in every listing. */
  @Property({ type: 'string', length: 64 })
  token!: string;

  /** Lookups go through the hash, so no comparison ever runs over the secret itself. */
  @Property({ type: 'string', length: 64, unique: true })
  tokenSha256!: string;

  @Property({ type: 'datetime', length: 3 })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', length: 3 })
  expiresAt!: Date;

  @Property({ type: 'datetime', length: 3, nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: 'integer' })
  maxUploads!: number;

  @Property({ type: 'integer', default: 0 })
  uploadCount: number = 0;

  /** Slots held by resumable uploads still in flight (see upload-reservation.entity.ts). */
  @Property({ type: 'integer', default: 0 })
  reservedUploads: number = 0;

  @Property({ type: 'datetime', length: 3, nullable: true })
  lastUploadAt: Date | null = null;

  /** When link.expired was announced (the expiry job sets it once, so it is sent once). */
  @Property({ type: 'datetime', length: 3, nullable: true })
  expiryAnnouncedAt: Date | null = null;

  /** When the last arrival e-mail for this link went out (at most one per 10 minutes). */
  @Property({ type: 'datetime', length: 3, nullable: true })
  arrivalNoticeSentAt: Date | null = null;

  /** The received_at of the newest upload that e-mail listed: the next one lists only later files. */
  @Property({ type: 'datetime', length: 3, nullable: true })
  arrivalNoticedThrough: Date | null = null;
}
