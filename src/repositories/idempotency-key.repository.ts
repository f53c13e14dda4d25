import { BaseRepository, toDate } from './base.repository.js';

/** A stored Idempotency-Key of the raw upload route. */
export interface IdempotencyKeyRecord {
  linkId: string;
  key: string;
  uploadId: string;
  /** The first 201 body; null while the first attempt is in flight (or its answer was lost). */
  response: unknown;
  createdAt: Date;
  heartbeatAt: Date;
}

interface KeyRow {
  link_id: string;
  idempotency_key: string;
  upload_id: string;
  response: unknown;
  created_at: Date;
  heartbeat_at: Date;
}

const COLUMNS = 'link_id, idempotency_key, upload_id, response, created_at, heartbeat_at';

/** Idempotency keys, per link. Claims are single INSERTs, so two racing attempts cannot both win. */
export class IdempotencyKeyRepository extends BaseRepository {
  async find(linkId: string, key: string): Promise<IdempotencyKeyRecord | null> {
    const [row] = await this.rows<KeyRow>(`select ${COLUMNS} from upload_idempotency_keys where link_id = ? and idempotency_key = ?`, [linkId, key]);
    return row ? toRecord(row) : null;
  }

  /** Inserts a claim; false when the key is already held (by a live, finished or abandoned attempt). */
  async claim(linkId: string, key: string, uploadId: string, now: Date): Promise<boolean> {
    const rows = await this.rows<{ link_id: string }>(
      `insert into upload_idempotency_keys (link_id, idempotency_key, upload_id, response, created_at, heartbeat_at)
       values (?, ?, ?, null, ?, ?) on conflict do nothing returning link_id`,
      [linkId, key, uploadId, now, now],
    );
    return rows.length === 1;
  }

  /**
   * Takes over an unfinished claim whose heartbeat is older than `staleBefore`, or any claim created
   * before `expiredBefore` (kept 24 hours), for a new attempt. False when someone else got it first.
   */
  async takeOver(linkId: string, key: string, uploadId: string, now: Date, staleBefore: Date, expiredBefore: Date): Promise<boolean> {
    const rows = await this.rows<{ link_id: string }>(
      `update upload_idempotency_keys set upload_id = ?, response = null, created_at = ?, heartbeat_at = ?
       where link_id = ? and idempotency_key = ?
         and ((response is null and heartbeat_at < ?) or created_at < ?)
       returning link_id`,
      [uploadId, now, now, linkId, key, staleBefore, expiredBefore],
    );
    return rows.length === 1;
  }

  async heartbeat(linkId: string, key: string, uploadId: string, now: Date): Promise<void> {
    await this.rows(`update upload_idempotency_keys set heartbeat_at = ? where link_id = ? and idempotency_key = ? and upload_id = ? and response is null returning link_id`, [now, linkId, key, uploadId]);
  }

  async complete(linkId: string, key: string, uploadId: string, response: unknown): Promise<void> {
    await this.rows(`update upload_idempotency_keys set response = ?::jsonb where link_id = ? and idempotency_key = ? and upload_id = ? returning link_id`, [
      JSON.stringify(response),
      linkId,
      key,
      uploadId,
    ]);
  }

  /** Drops a claim whose attempt failed, so the retry may run. */
  async release(linkId: string, key: string, uploadId: string): Promise<void> {
    await this.rows(`delete from upload_idempotency_keys where link_id = ? and idempotency_key = ? and upload_id = ? and response is null returning link_id`, [linkId, key, uploadId]);
  }

  /** Forgets keys older than `before` (they are kept 24 hours). */
  async deleteCreatedBefore(before: Date): Promise<number> {
    const rows = await this.rows<{ link_id: string }>('delete from upload_idempotency_keys where created_at < ? returning link_id', [before]);
    return rows.length;
  }
}

function toRecord(row: KeyRow): IdempotencyKeyRecord {
  return {
    linkId: row.link_id,
    key: row.idempotency_key,
    uploadId: row.upload_id,
    response: row.response,
    createdAt: toDate(row.created_at),
    heartbeatAt: toDate(row.heartbeat_at),
  };
}
