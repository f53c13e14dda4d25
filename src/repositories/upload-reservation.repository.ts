import type { Tx } from '../db/unit-of-work.js';
import { BaseRepository, toDate } from './base.repository.js';

/** A slot held by a resumable upload in flight. */
export interface ReservationRecord {
  id: string;
  linkId: string;
  createdAt: Date;
  expiresAt: Date;
}

interface ReservationRow {
  id: string;
  link_id: string;
  created_at: Date;
  expires_at: Date;
}

const COLUMNS = 'id, link_id, created_at, expires_at';

/**
 * Reservations and the link's reserved_uploads move together: every method that adds or removes a
 * row changes the count in the same transaction, and removal is by `delete ... returning`, so
 * releasing twice (a termination racing the sweep) releases one slot only.
 */
export class UploadReservationRepository extends BaseRepository {
  /**
   * Holds a slot if the link accepts uploads now (not revoked, not expired, not full counting the
   * slots already held). One conditional UPDATE, so racing creations never overfill a link.
   */
  async reserve(tx: Tx, reservation: ReservationRecord): Promise<boolean> {
    const held = await this.rows<{ id: string }>(
      `update intake_links set reserved_uploads = reserved_uploads + 1
       where id = ? and revoked_at is null and expires_at > ? and upload_count + reserved_uploads < max_uploads
       returning id`,
      [reservation.linkId, reservation.createdAt],
      tx,
    );
    if (held.length === 0) return false;
    await this.rows(`insert into upload_reservations (${COLUMNS}) values (?, ?, ?, ?)`, [
      reservation.id,
      reservation.linkId,
      reservation.createdAt,
      reservation.expiresAt,
    ], tx);
    return true;
  }

  async find(id: string, tx?: Tx): Promise<ReservationRecord | null> {
    const [row] = await this.rows<ReservationRow>(`select ${COLUMNS} from upload_reservations where id = ?`, [id], tx);
    return row ? toRecord(row) : null;
  }

  /** Moves the expiry (after bytes arrived); false when the reservation is gone. */
  async extend(id: string, expiresAt: Date): Promise<boolean> {
    const rows = await this.rows(`update upload_reservations set expires_at = ? where id = ? returning id`, [expiresAt, id]);
    return rows.length > 0;
  }

  /** Gives the slot back; false when it was already released or committed. */
  async release(tx: Tx, id: string): Promise<boolean> {
    const [row] = await this.rows<{ link_id: string }>(`delete from upload_reservations where id = ? returning link_id`, [id], tx);
    if (!row) return false;
    await this.rows(`update intake_links set reserved_uploads = reserved_uploads - 1 where id = ?`, [row.link_id], tx);
    return true;
  }

  /**
   * Turns the held slot into a received upload (upload_count + 1, reserved_uploads - 1) if the link
   * was not revoked meanwhile. Returns the link id, or null when the reservation is gone or the link
   * was revoked (the caller's transaction then rolls back and the reservation stays for release).
   */
  async commit(tx: Tx, id: string, receivedAt: Date): Promise<string | null> {
    const [row] = await this.rows<{ link_id: string }>(`delete from upload_reservations where id = ? returning link_id`, [id], tx);
    if (!row) return null;
    const updated = await this.rows<{ id: string }>(
      `update intake_links set upload_count = upload_count + 1, reserved_uploads = reserved_uploads - 1, last_upload_at = ?
       where id = ? and revoked_at is null returning id`,
      [receivedAt, row.link_id],
      tx,
    );
    return updated.length > 0 ? row.link_id : null;
  }

  /** Reservations whose upload went quiet before `now`, oldest first. */
  async listExpired(now: Date, limit: number): Promise<ReservationRecord[]> {
    const rows = await this.rows<ReservationRow>(
      `select ${COLUMNS} from upload_reservations where expires_at <= ? order by expires_at limit ?`,
      [now, limit],
    );
    return rows.map(toRecord);
  }
}

function toRecord(row: ReservationRow): ReservationRecord {
  return { id: row.id, linkId: row.link_id, createdAt: toDate(row.created_at), expiresAt: toDate(row.expires_at) };
}
