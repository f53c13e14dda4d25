import type { Tx } from '../db/unit-of-work.js';
import { Upload } from '../domain/entities/index.js';
import type { ScanStatus } from '../domain/scan-status.js';
import type { UploadRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

interface UploadRow {
  id: string;
  link_id: string;
  workspace_id: string;
  customer_slug: string;
  filename: string;
  content_type: string;
  sha256: string;
  size_bytes: string | number;
  received_at: Date;
  scan_status: ScanStatus;
  scan_signature: string | null;
  scan_engine: string | null;
  scanned_at: Date | null;
  storage_key: string;
  duplicate_of_id: string | null;
  duplicate_of_received_at: Date | null;
}

// The original's received_at comes from a self-join rather than a copy, so it is always the truth.
const SELECT_UPLOADS = `select u.id, u.link_id, u.workspace_id, u.customer_slug, u.filename, u.content_type, u.sha256,
  u.size_bytes, u.received_at, u.scan_status, u.scan_signature, u.scan_engine, u.scanned_at, u.storage_key, u.duplicate_of_id, d.received_at as duplicate_of_received_at
  from uploads u left join uploads d on d.id = u.duplicate_of_id`;

/** Received files. A row is written only after its object is completely stored. */
export class UploadRepository extends BaseRepository {
  async insert(tx: Tx, record: UploadRecord): Promise<void> {
    await tx.insert(Upload, {
      id: record.id,
      link: record.linkId,
      workspace: record.workspaceId,
      customerSlug: record.customerSlug,
      filename: record.filename,
      contentType: record.contentType,
      sha256: record.sha256,
      sizeBytes: record.sizeBytes,
      receivedAt: record.receivedAt,
      scanStatus: record.scanStatus,
      scanSignature: record.scanSignature,
      scanEngine: record.scanEngine,
      scannedAt: record.scannedAt,
      storageKey: record.storageKey,
      duplicateOf: record.duplicateOf?.id ?? null,
    });
  }

  /**
   * The earliest upload of the workspace with this content, or null. Takes a transaction-scoped
   * advisory lock on (workspace, sha256) first, so two identical files arriving together are
   * ordered: the second one always sees the first.
   */
  async lockAndFindEarliestBySha256(tx: Tx, workspaceId: string, sha256: string): Promise<{ id: string; receivedAt: Date } | null> {
    await tx.execute('select pg_advisory_xact_lock(hashtextextended(?, 0))', [`upload-sha256:${workspaceId}:${sha256}`]);
    const [row] = await this.rows<{ id: string; received_at: Date }>(
      // Copies received in the same millisecond as their original tie on received_at: the original is the one naming none.
      'select id, received_at from uploads where workspace_id = ? and sha256 = ? order by received_at asc, duplicate_of_id asc nulls first, id asc limit 1',
      [workspaceId, sha256],
      tx,
    );
    return row ? { id: row.id, receivedAt: toDate(row.received_at) } : null;
  }

  /** Uploads of one link, newest first. */
  async listByLink(linkId: string): Promise<UploadRecord[]> {
    const rows = await this.rows<UploadRow>(`${SELECT_UPLOADS} where u.link_id = ? order by u.received_at desc, u.id desc`, [linkId]);
    return rows.map(toRecord);
  }

  /**
   * One page of a link's uploads, newest first: up to `take` rows after the upload `afterId` (which
   * the caller has checked is in the link), in the order (received_at, id) descending.
   */
  async listPageByLink(linkId: string, take: number, afterId?: string): Promise<UploadRecord[]> {
    const after = afterId === undefined ? '' : ' and (u.received_at, u.id) < (select a.received_at, a.id from uploads a where a.id = ?)';
    const rows = await this.rows<UploadRow>(
      `${SELECT_UPLOADS} where u.link_id = ?${after} order by u.received_at desc, u.id desc limit ?`,
      afterId === undefined ? [linkId, take] : [linkId, afterId, take],
    );
    return rows.map(toRecord);
  }

  /** The first `take` uploads of each of several links, in one query (GraphQL's IntakeLink.uploads). */
  async listFirstByLinks(linkIds: readonly string[], take: number): Promise<UploadRecord[]> {
    if (linkIds.length === 0) return [];
    const rows = await this.rows<UploadRow>(
      `with ranked as (select r.id, row_number() over (partition by r.link_id order by r.received_at desc, r.id desc) as n
         from uploads r where r.link_id in (?))
       ${SELECT_UPLOADS} join ranked on ranked.id = u.id where ranked.n <= ? order by u.received_at desc, u.id desc`,
      [linkIds, take],
    );
    return rows.map(toRecord);
  }

  /** Uploads of several links in one query (GraphQL batches IntakeLink.uploads through this). */
  async listByLinks(linkIds: readonly string[]): Promise<UploadRecord[]> {
    if (linkIds.length === 0) return [];
    const rows = await this.rows<UploadRow>(
      // MikroORM inlines an array parameter as a comma-separated list, so it goes inside `in (...)`.
      `${SELECT_UPLOADS} where u.link_id in (?) order by u.received_at desc, u.id desc`,
      [linkIds],
    );
    return rows.map(toRecord);
  }

  async findInLink(linkId: string, uploadId: string): Promise<UploadRecord | null> {
    const [row] = await this.rows<UploadRow>(`${SELECT_UPLOADS} where u.id = ? and u.link_id = ?`, [uploadId, linkId]);
    return row ? toRecord(row) : null;
  }

  /** One upload by id, in any workspace (the scan job and refusal audits look uploads up this way). */
  async findById(uploadId: string, tx?: Tx): Promise<UploadRecord | null> {
    const [row] = await this.rows<UploadRow>(`${SELECT_UPLOADS} where u.id = ?`, [uploadId], tx);
    return row ? toRecord(row) : null;
  }

  /** Locks the row for the rest of `tx` and returns it (null when it was deleted). */
  async lockById(tx: Tx, uploadId: string): Promise<UploadRecord | null> {
    await tx.execute('select 1 from uploads where id = ? for update', [uploadId]);
    return this.findById(uploadId, tx);
  }

  /** Stores a scan outcome. */
  async setScanState(
    tx: Tx,
    uploadId: string,
    state: { status: ScanStatus; signature: string | null; engine: string | null; scannedAt: Date | null },
  ): Promise<void> {
    await tx.execute('update uploads set scan_status = ?, scan_signature = ?, scan_engine = ?, scanned_at = ? where id = ?', [
      state.status,
      state.signature,
      state.engine,
      state.scannedAt,
      uploadId,
    ]);
  }

  /** Marks an upload pending again (a rescan); the previous verdict's facts stay until the new one. */
  async markPending(tx: Tx, uploadId: string): Promise<void> {
    await tx.execute(`update uploads set scan_status = 'pending' where id = ?`, [uploadId]);
  }

  /** Removes the row (its audit events stay: they have no foreign key to it). */
  async delete(tx: Tx, uploadId: string): Promise<void> {
    await tx.execute('delete from uploads where id = ?', [uploadId]);
  }

  /** When the oldest pending upload arrived, or null when none is pending. */
  async oldestPendingReceivedAt(): Promise<Date | null> {
    const [row] = await this.rows<{ oldest: Date | null }>(`select min(received_at) as oldest from uploads where scan_status = 'pending'`, []);
    return row?.oldest ? toDate(row.oldest) : null;
  }

  /** Which of these storage keys belong to an upload row (the orphan sweep keeps those). */
  async existingStorageKeys(keys: readonly string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.rows<{ storage_key: string }>('select storage_key from uploads where storage_key in (?)', [keys]);
    return new Set(rows.map((row) => row.storage_key));
  }
}

function toRecord(row: UploadRow): UploadRecord {
  return {
    id: row.id,
    linkId: row.link_id,
    workspaceId: row.workspace_id,
    customerSlug: row.customer_slug,
    filename: row.filename,
    contentType: row.content_type,
    sha256: row.sha256,
    sizeBytes: Number(row.size_bytes),
    receivedAt: toDate(row.received_at),
    scanStatus: row.scan_status,
    scanSignature: row.scan_signature,
    scanEngine: row.scan_engine,
    scannedAt: row.scanned_at === null ? null : toDate(row.scanned_at),
    storageKey: row.storage_key,
    duplicateOf: row.duplicate_of_id
      ? { id: row.duplicate_of_id, receivedAt: toDate(row.duplicate_of_received_at as Date) }
      : null,
  };
}
