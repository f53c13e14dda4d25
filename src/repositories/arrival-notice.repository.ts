import type { Tx } from '../db/unit-of-work.js';
import { BaseRepository, toDate } from './base.repository.js';

/** A link, its workspace's address and where its last arrival e-mail left off. */
export interface NoticeTarget {
  linkId: string;
  workspaceId: string;
  customerSlug: string;
  displayName: string | null;
  notifyEmail: string | null;
  sentAt: Date | null;
  noticedThrough: Date | null;
}

/** A file as an arrival e-mail lists it: name and size, nothing that opens it. */
export interface NoticedFile {
  filename: string;
  sizeBytes: number;
  receivedAt: Date;
}

/** The bookkeeping of arrival e-mails (the marks on intake_links, the address on workspaces). */
export class ArrivalNoticeRepository extends BaseRepository {
  async workspaceNotifyEmail(tx: Tx, workspaceId: string): Promise<string | null> {
    const [row] = await this.rows<{ notify_email: string | null }>('select notify_email from workspaces where id = ?', [workspaceId], tx);
    return row?.notify_email ?? null;
  }

  async findTarget(linkId: string): Promise<NoticeTarget | null> {
    const [row] = await this.rows<{
      id: string;
      workspace_id: string;
      customer_slug: string;
      display_name: string | null;
      notify_email: string | null;
      arrival_notice_sent_at: Date | null;
      arrival_noticed_through: Date | null;
    }>(
      `select l.id, l.workspace_id, l.customer_slug, l.display_name, w.notify_email, l.arrival_notice_sent_at, l.arrival_noticed_through
       from intake_links l join workspaces w on w.id = l.workspace_id where l.id = ?`,
      [linkId],
    );
    if (!row) return null;
    return {
      linkId: row.id,
      workspaceId: row.workspace_id,
      customerSlug: row.customer_slug,
      displayName: row.display_name,
      notifyEmail: row.notify_email,
      sentAt: toDate(row.arrival_notice_sent_at),
      noticedThrough: toDate(row.arrival_noticed_through),
    };
  }

  /** The link's uploads received after `after` (all when null), oldest first, at most `limit`. */
  async filesAfter(linkId: string, after: Date | null, limit: number): Promise<NoticedFile[]> {
    const rows = await this.rows<{ filename: string; size_bytes: string | number; received_at: Date }>(
      `select filename, size_bytes, received_at from uploads where link_id = ? and (?::timestamptz is null or received_at > ?::timestamptz)
       order by received_at asc, id asc limit ?`,
      [linkId, after, after, limit],
    );
    return rows.map((row) => ({ filename: row.filename, sizeBytes: Number(row.size_bytes), receivedAt: toDate(row.received_at) }));
  }

  async markSent(linkId: string, sentAt: Date, noticedThrough: Date): Promise<void> {
    await this.rows('update intake_links set arrival_notice_sent_at = ?, arrival_noticed_through = ? where id = ?', [sentAt, noticedThrough, linkId]);
  }
}
