import type { Tx } from '../db/unit-of-work.js';
import { IntakeLink } from '../domain/entities/index.js';
import type { LinkRecord, UploadRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

export interface LinkRow {
  id: string;
  workspace_id: string;
  customer_slug: string;
  display_name: string | null;
  token: string;
  created_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
  max_uploads: number;
  upload_count: number;
  reserved_uploads: number;
  last_upload_at: Date | null;
}

const LINK_COLUMNS =
  'id, workspace_id, customer_slug, display_name, token, created_at, expires_at, revoked_at, max_uploads, upload_count, reserved_uploads, last_upload_at';

/** LINK_COLUMNS of the table aliased `l` (also for other repositories' joins on the link). */
export const LINK_COLUMNS_OF_L = LINK_COLUMNS.split(', ')
  .map((column) => `l.${column}`)
  .join(', ');

/** "active" in SQL, with `?` bound to now. The same rule as computeLinkStatus in link-status.ts. */
const ACTIVE_LINK_SQL = 'revoked_at is null and expires_at > ? and upload_count + reserved_uploads < max_uploads';

/** A page of links, newest first. */
export interface LinkPageQuery {
  workspaceId: string;
  activeOnly: boolean;
  limit: number;
  /**
   * Start after this link of the workspace (the last one of the previous page). Its position is read
   * inside the statement, so a deep page is one round trip; a cursor naming no link of the workspace
   * gives an empty page (the caller tells that apart from the end of the list).
   */
  afterId: string | undefined;
  now: Date;
}

/** Intake links. Upload slots are taken here, atomically, so max_uploads holds under concurrency. */
export class LinkRepository extends BaseRepository {
  async insert(tx: Tx, record: LinkRecord, tokenSha256: string): Promise<void> {
    await tx.insert(IntakeLink, {
      id: record.id,
      workspace: record.workspaceId,
      customerSlug: record.customerSlug,
      displayName: record.displayName,
      token: record.token,
      tokenSha256,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: record.revokedAt,
      maxUploads: record.maxUploads,
      uploadCount: record.uploadCount,
      reservedUploads: record.reservedUploads,
      lastUploadAt: record.lastUploadAt,
    });
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(`select ${LINK_COLUMNS} from intake_links where id = ? and workspace_id = ?`, [
      id,
      workspaceId,
    ]);
    return row ? toLinkRecord(row) : null;
  }

  async findByTokenHash(tokenSha256: string): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(`select ${LINK_COLUMNS} from intake_links where token_sha256 = ?`, [tokenSha256]);
    return row ? toLinkRecord(row) : null;
  }

  /**
   * One page of a workspace's links, newest first, by keyset on (created_at, id).
   * Returns up to `limit + 1` rows so the caller can tell whether another page follows.
   *
   * All links: intake_links_workspace_newest_idx serves every page in the same time, however deep.
   * Active only: walking that index would read every inactive link between two active ones (99 per
   * active link when 1% are active). Instead the candidates come from the partial index
   * intake_links_workspace_unexpired_idx (not revoked, not full, keyed by expiry): `expires_at > now`
   * reads only the active links, from the index alone, the top `limit + 1` are picked from those, and
   * only they are read from the table. The CTE is materialized on purpose: left to itself the planner
   * walks the newest-first index (it cannot see how sparse active links are) and a page costs 40 ms
   * instead of 2 at 0.1% active. The cost now grows with the number of active links, not with
   * the inactive ones (BENCHMARKS.md, "Link listing: the plan").
   */
  async listPage(query: LinkPageQuery): Promise<LinkRecord[]> {
    const { sql, params } = linkPageStatement(query);
    const rows = await this.rows<LinkRow>(sql, params);
    return rows.map(toLinkRecord);
  }

  /** Marks a link revoked; null when it does not exist in the workspace or was already revoked. */
  async revoke(workspaceId: string, id: string, now: Date, tx?: Tx): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(
      `update intake_links set revoked_at = ? where id = ? and workspace_id = ? and revoked_at is null returning ${LINK_COLUMNS}`,
      [now, id, workspaceId],
      tx,
    );
    return row ? toLinkRecord(row) : null;
  }

  /**
   * Takes one upload slot if the link still accepts uploads: not revoked now, not expired when the
   * upload started, and not full. The single conditional UPDATE is what makes max_uploads hold under
   * any concurrency; null means "refused" (the caller re-reads the link to say why).
   */
  async takeUploadSlot(tx: Tx, linkId: string, startedAt: Date, receivedAt: Date): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(
      `update intake_links set upload_count = upload_count + 1, last_upload_at = ?
       where id = ? and revoked_at is null and expires_at > ? and upload_count + reserved_uploads < max_uploads
       returning ${LINK_COLUMNS}`,
      [receivedAt, linkId, startedAt],
      tx,
    );
    return row ? toLinkRecord(row) : null;
  }

  /**
   * `takeUploadSlot` and the upload's row in one statement: one round trip fewer per upload. The row
   * is inserted from the update's RETURNING, so it exists exactly when the slot was taken (no slot:
   * null, and nothing inserted); its link, workspace and customer slug are the link's own.
   */
  async takeUploadSlotRecording(tx: Tx, upload: Omit<UploadRecord, 'workspaceId' | 'customerSlug'>, startedAt: Date): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(
      `with slot as (
         update intake_links set upload_count = upload_count + 1, last_upload_at = ?::timestamptz
         where id = ? and revoked_at is null and expires_at > ?::timestamptz and upload_count + reserved_uploads < max_uploads
         returning ${LINK_COLUMNS}
       ), recorded as (
         insert into uploads (id, link_id, workspace_id, customer_slug, filename, content_type, sha256, size_bytes, received_at,
                              scan_status, scan_signature, scan_engine, scanned_at, storage_key, duplicate_of_id)
         select ?::uuid, slot.id, slot.workspace_id, slot.customer_slug, ?, ?, ?, ?::bigint, ?::timestamptz,
                ?, ?, ?, ?::timestamptz, ?, ?::uuid
         from slot
       )
       select ${LINK_COLUMNS} from slot`,
      [
        upload.receivedAt, upload.linkId, startedAt,
        upload.id, upload.filename, upload.contentType, upload.sha256, upload.sizeBytes, upload.receivedAt,
        upload.scanStatus, upload.scanSignature, upload.scanEngine, upload.scannedAt, upload.storageKey, upload.duplicateOf?.id ?? null,
      ],
      tx,
    );
    return row ? toLinkRecord(row) : null;
  }

  /**
   * Marks up to `limit` links whose expiry has passed (and that were not revoked) as announced, and
   * returns them: each is returned once, whichever process asks (SKIP LOCKED, then the mark).
   */
  async claimNewlyExpired(tx: Tx, now: Date, limit: number): Promise<LinkRecord[]> {
    const rows = await this.rows<LinkRow>(
      `update intake_links set expiry_announced_at = ?
       where id in (select id from intake_links where expires_at <= ? and expiry_announced_at is null and revoked_at is null
                    order by expires_at limit ? for update skip locked)
       returning ${LINK_COLUMNS}`,
      [now, now, limit],
      tx,
    );
    return rows.map(toLinkRecord);
  }

  async findById(id: string, tx?: Tx): Promise<LinkRecord | null> {
    const [row] = await this.rows<LinkRow>(`select ${LINK_COLUMNS} from intake_links where id = ?`, [id], tx);
    return row ? toLinkRecord(row) : null;
  }
}

/** The statement of LinkRepository.listPage (`?` placeholders), exported so tests can EXPLAIN it. */
export function linkPageStatement(query: LinkPageQuery): { sql: string; params: unknown[] } {
  const where = ['workspace_id = ?'];
  const params: unknown[] = [query.workspaceId];
  if (query.activeOnly) {
    where.push(ACTIVE_LINK_SQL);
    params.push(query.now);
  }
  if (query.afterId) {
    where.push('(created_at, id) < (select created_at, id from intake_links where id = ? and workspace_id = ?)');
    params.push(query.afterId, query.workspaceId);
  }
  params.push(query.limit + 1);
  const sql = query.activeOnly
    ? `with candidates as materialized (select id, created_at from intake_links where ${where.join(' and ')}),
            page as (select id, created_at from candidates order by created_at desc, id desc limit ?)
       select ${LINK_COLUMNS_OF_L} from page join intake_links l using (id) order by page.created_at desc, page.id desc`
    : `select ${LINK_COLUMNS} from intake_links where ${where.join(' and ')} order by created_at desc, id desc limit ?`;
  return { sql, params };
}

/** A link row (LINK_COLUMNS) as a record. */
export function toLinkRecord(row: LinkRow): LinkRecord {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    customerSlug: row.customer_slug,
    displayName: row.display_name,
    token: row.token,
    createdAt: toDate(row.created_at),
    expiresAt: toDate(row.expires_at),
    revokedAt: toDate(row.revoked_at),
    maxUploads: row.max_uploads,
    uploadCount: row.upload_count,
    reservedUploads: row.reserved_uploads,
    lastUploadAt: toDate(row.last_upload_at),
  };
}
