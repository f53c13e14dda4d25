import type { Tx } from '../db/unit-of-work.js';
import { Workspace } from '../domain/entities/index.js';
import type { WorkspaceRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

interface WorkspaceRow {
  id: string;
  name: string;
  created_at: Date;
  notify_email: string | null;
}

function toRecord(row: WorkspaceRow): WorkspaceRecord {
  return { id: row.id, name: row.name, createdAt: toDate(row.created_at), notifyEmail: row.notify_email };
}

/** Workspaces (tenants). */
export class WorkspaceRepository extends BaseRepository {
  async insert(tx: Tx, record: WorkspaceRecord): Promise<void> {
    await tx.insert(Workspace, { id: record.id, name: record.name, createdAt: record.createdAt });
  }

  async find(id: string, tx?: Tx): Promise<WorkspaceRecord | null> {
    const [row] = await this.rows<WorkspaceRow>('select id, name, created_at, notify_email from workspaces where id = ?', [id], tx);
    return row ? toRecord(row) : null;
  }

  /** Sets (or clears, with null) where arrival e-mails go; the updated workspace, null when unknown. */
  async setNotifyEmail(tx: Tx, id: string, notifyEmail: string | null): Promise<WorkspaceRecord | null> {
    const [row] = await this.rows<WorkspaceRow>('update workspaces set notify_email = ? where id = ? returning id, name, created_at, notify_email', [notifyEmail, id], tx);
    return row ? toRecord(row) : null;
  }

  async exists(id: string): Promise<boolean> {
    const found = await this.rows<{ one: number }>('select 1 as one from workspaces where id = ?', [id]);
    return found.length > 0;
  }
}
