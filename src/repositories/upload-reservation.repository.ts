import type { Tx } from '../db/unit-of-work.js';
import type { LinkRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';
import { LINK_COLUMNS_OF_L, toLinkRecord, type LinkRow } from './link.repository.js';

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

/** A link (by its token) and, when it holds it, one of its reservations. */
export interface LinkWithReservation {
  link: LinkRecord;
  reservation: ReservationRecord | null;
}

type LinkWithReservationRow = LinkRow & { reservation_created_at: Date | string | null; reservation_expires_at: Date | string | null };

/** The columns of a LinkWithReservationRow: the link aliased `l`, its reservation `r` (see linkWithReservation). */
const LINK_WITH_RESERVATION_COLUMNS = `${LINK_COLUMNS_OF_L}, r.created_at as reservation_created_at, r.expires_at as reservation_expires_at`;

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

  /**
   * The link of a token and, when that link holds it, the reservation `id` (null: none is looked
   * for), in one round trip: what a tus request on an existing upload checks. A reservation of
   * another link is not returned. Null when no link has the token.
   */
  async findWithLink(tokenSha256: string, id: string | null): Promise<LinkWithReservation | null> {
    const [row] = await this.rows<LinkWithReservationRow>(
      `select ${LINK_WITH_RESERVATION_COLUMNS}
       from intake_links l left join upload_reservations r on r.id = ? and r.link_id = l.id
       where l.token_sha256 = ?`,
      [id, tokenSha256],
    );
    return row ? linkWithReservation(row, id) : null;
  }

  /**
   * Moves the expiry of reservation `id` to `expiresAt` if it is held by the link of the token, that
   * link is not revoked and the reservation has not expired by `now`; returns both, or null when any
   * of that fails (findWithLink then tells which). One statement, so nothing can expire the
   * reservation between the check and the move.
   */
  async extendWithLink(tokenSha256: string, id: string, now: Date, expiresAt: Date): Promise<LinkWithReservation | null> {
    const [row] = await this.rows<LinkWithReservationRow>(
      `update upload_reservations r set expires_at = ?
       from intake_links l
       where r.id = ? and r.link_id = l.id and l.token_sha256 = ? and l.revoked_at is null and r.expires_at > ?
       returning ${LINK_WITH_RESERVATION_COLUMNS}`,
      [expiresAt, id, tokenSha256, now],
    );
    return row ? linkWithReservation(row, id) : null;
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

function linkWithReservation(row: LinkWithReservationRow, id: string | null): LinkWithReservation {
  const link = toLinkRecord(row);
  const reservation =
    id !== null && row.reservation_created_at !== null && row.reservation_expires_at !== null
      ? { id, linkId: link.id, createdAt: toDate(row.reservation_created_at), expiresAt: toDate(row.reservation_expires_at) }
      : null;
  return { link, reservation };
}
