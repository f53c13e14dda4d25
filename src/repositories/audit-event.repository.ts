import type { Tx } from '../db/unit-of-work.js';
import { AuditEvent } from '../domain/entities/index.js';
import type { ActorKind, AuditEventType } from '../domain/audit-vocabulary.js';
import type { AuditEventRecord } from '../domain/records.js';
import { BaseRepository, toDate } from './base.repository.js';

interface AuditEventRow {
  id: string;
  type: AuditEventType;
  occurred_at: Date;
  workspace_id: string;
  link_id: string | null;
  upload_id: string | null;
  actor_kind: ActorKind;
  actor_id: string | null;
  client_ip: string | null;
  user_agent: string | null;
  detail: Record<string, unknown> | string;
}

/** Filters of the audit listing; all optional but the workspace. */
export interface AuditPageQuery {
  workspaceId: string;
  linkId?: string | undefined;
  uploadId?: string | undefined;
  since?: Date | undefined;
  until?: Date | undefined;
  limit: number;
  after: { occurredAt: Date; id: string } | undefined;
}

const COLUMNS = 'id, type, occurred_at, workspace_id, link_id, upload_id, actor_kind, actor_id, client_ip, user_agent, detail';

/** The append-only audit trail (the database refuses UPDATE and DELETE on it). */
export class AuditEventRepository extends BaseRepository {
  async insert(record: AuditEventRecord, tx?: Tx): Promise<void> {
    await this.em(tx).insert(AuditEvent, {
      id: record.id,
      type: record.type,
      occurredAt: record.occurredAt,
      workspaceId: record.workspaceId,
      linkId: record.linkId,
      uploadId: record.uploadId,
      actorKind: record.actor.kind,
      actorId: record.actor.id,
      clientIp: record.clientIp,
      userAgent: record.userAgent,
      detail: record.detail,
    });
  }

  async findInWorkspace(workspaceId: string, id: string): Promise<AuditEventRecord | null> {
    const [row] = await this.rows<AuditEventRow>(`select ${COLUMNS} from audit_events where id = ? and workspace_id = ?`, [id, workspaceId]);
    return row ? toRecord(row) : null;
  }

  /** One page, newest first, by keyset on (occurred_at, id); up to `limit + 1` rows. */
  async listPage(query: AuditPageQuery): Promise<AuditEventRecord[]> {
    const where = ['workspace_id = ?'];
    const params: unknown[] = [query.workspaceId];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (query.linkId) add('link_id = ?', query.linkId);
    if (query.uploadId) add('upload_id = ?', query.uploadId);
    if (query.since) add('occurred_at >= ?', query.since);
    if (query.until) add('occurred_at < ?', query.until);
    if (query.after) add('(occurred_at, id) < (?, ?)', query.after.occurredAt, query.after.id);
    params.push(query.limit + 1);
    const rows = await this.rows<AuditEventRow>(
      `select ${COLUMNS} from audit_events where ${where.join(' and ')} order by occurred_at desc, id desc limit ?`,
      params,
    );
    return rows.map(toRecord);
  }
}

function toRecord(row: AuditEventRow): AuditEventRecord {
  return {
    id: row.id,
    type: row.type,
    occurredAt: toDate(row.occurred_at),
    workspaceId: row.workspace_id,
    linkId: row.link_id,
    uploadId: row.upload_id,
    actor: { kind: row.actor_kind, id: row.actor_id },
    clientIp: row.client_ip,
    userAgent: row.user_agent,
    detail: typeof row.detail === 'string' ? (JSON.parse(row.detail) as Record<string, unknown>) : row.detail,
  };
}
