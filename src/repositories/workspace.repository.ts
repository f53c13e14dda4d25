import type { Tx } from '../db/unit-of-work.js';
import { Workspace } from '../domain/entities/index.js';
import type { WorkspaceRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

/** Workspaces (tenants). */
export class WorkspaceRepository extends BaseRepository {
  async insert(tx: Tx, record: WorkspaceRecord): Promise<void> {
    await tx.insert(Workspace, { id: record.id, name: record.name, createdAt: record.createdAt });
  }

  async find(id: string): Promise<WorkspaceRecord | null> {
    const [row] = await this.rows<{ id: string; name: string; created_at: Date }>('select id, name, created_at from workspaces where id = ?', [id]);
    return row ? { id: row.id, name: row.name, createdAt: toDate(row.created_at) } : null;
  }

  async exists(id: string): Promise<boolean> {
    const found = await this.rows<{ one: number }>('select 1 as one from workspaces where id = ?', [id]);
    return found.length > 0;
  }
}
