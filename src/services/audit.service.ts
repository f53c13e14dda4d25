import { randomUUID } from 'node:crypto';
import type { Tx } from '../db/unit-of-work.js';
import type { AuditEventType } from '../domain/audit-vocabulary.js';
import type { Actor, AuditEventRecord, RequestMeta } from '../domain/records.js';
import { AppError } from '../errors/app-error.js';
import type { AuditEventRepository } from '../repositories/audit-event.repository.js';
import type { AuthService, Principal } from './auth.service.js';
import type { FollowUps } from './follow-ups.js';
import { cursorId, invalidCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import { isUuid } from './validation.js';

/** What happened, to what, by whom. */
export interface AuditEntry {
  type: AuditEventType;
  workspaceId: string;
  linkId?: string | null;
  uploadId?: string | null;
  actor: Actor;
  meta: RequestMeta | null;
  detail?: Record<string, unknown>;
}

/** Filters of the audit listing. */
export interface AuditQuery extends PageRequest {
  linkId?: string | null | undefined;
  uploadId?: string | null | undefined;
  since?: Date | null | undefined;
  until?: Date | null | undefined;
}

const MAX_USER_AGENT = 512;


/** The audit trail: recording events and listing them for operators. */
export class AuditService {
  constructor(
    private readonly auth: AuthService,
    private readonly events: AuditEventRepository,
    private readonly followUps: FollowUps,
  ) {}

  /**
   * Appends an event inside `tx`, the transaction of the change it records, and runs the follow-ups
   * registered for it (enqueueing a scan, a webhook delivery) in that same transaction: the change,
   * its record and its consequences commit together or not at all.
   */
  async record(entry: AuditEntry, tx: Tx): Promise<AuditEventRecord> {
    const event: AuditEventRecord = {
      id: randomUUID(),
      type: entry.type,
      occurredAt: new Date(),
      workspaceId: entry.workspaceId,
      linkId: entry.linkId ?? null,
      uploadId: entry.uploadId ?? null,
      actor: entry.actor,
      clientIp: entry.meta?.clientIp ?? null,
      userAgent: entry.meta?.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
      detail: { ...entry.detail, ...(entry.meta?.requestId ? { request_id: entry.meta.requestId } : {}) },
    };
    await this.events.insert(event, tx);
    await this.followUps.after(event, tx);
    return event;
  }

  /** Events of a workspace, newest first, filtered and paged. */
  async list(principal: Principal, workspaceId: string, query: AuditQuery): Promise<Page<AuditEventRecord>> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const limit = pageLimit(query);
    // The REST face checks its snake_case parameters before this; these names are GraphQL's.
    for (const [field, value] of [['linkId', query.linkId], ['uploadId', query.uploadId]] as const) {
      if (value && !isUuid(value)) {
        throw new AppError('validation_error', `Invalid query: ${field}: must be a UUID.`, { field });
      }
    }
    if (query.since && query.until && query.since > query.until) {
      throw new AppError('validation_error', 'Invalid query: since: must not be after until.', { field: 'since' });
    }
    const afterId = cursorId(query);
    const after = afterId ? await this.events.findInWorkspace(workspaceId, afterId) : undefined;
    if (afterId && !after) throw invalidCursor();
    const rows = await this.events.listPage({
      workspaceId,
      linkId: query.linkId ?? undefined,
      uploadId: query.uploadId ?? undefined,
      since: query.since ?? undefined,
      until: query.until ?? undefined,
      limit,
      after: after ? { occurredAt: after.occurredAt, id: after.id } : undefined,
    });
    return toPage(rows, limit);
  }
}
