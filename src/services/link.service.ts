import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { UnitOfWork } from '../db/unit-of-work.js';
import {
  customerSlugRule,
  displayNameRule,
  expiresInHoursRule,
  LINK_LIMITS,
  maxUploadsRule,
} from '../domain/link-rules.js';
import { computeLinkStatus, type LinkStatus } from '../domain/link-status.js';
import { uploadPagePath } from '../domain/public-paths.js';
import type { LinkRecord, RequestMeta } from '../domain/records.js';
import { generateLinkToken, sha256Hex } from '../domain/secrets.js';
import { AppError } from '../errors/app-error.js';
import type { LinkRepository } from '../repositories/link.repository.js';
import type { AuditService } from './audit.service.js';
import type { AuthService, Principal } from './auth.service.js';
import { cursorId, invalidCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import { isUuid, parseOrThrow } from './validation.js';

/** A link as both faces show it: the stored facts plus its computed status and page address. */
export interface LinkView extends LinkRecord {
  status: LinkStatus;
  /** Relative URL of the customer's upload page. */
  uploadUrl: string;
}

/** What an operator sends to create a link (camelCase; REST maps its snake_case body onto it). */
export interface CreateLinkInput {
  customerSlug: string;
  displayName?: string | null | undefined;
  expiresInHours?: number | null | undefined;
  maxUploads?: number | null | undefined;
}

const createLinkInput = z.strictObject({
  customerSlug: customerSlugRule,
  displayName: displayNameRule.optional(),
  expiresInHours: expiresInHoursRule.nullish(),
  maxUploads: maxUploadsRule.nullish(),
});

/** Creating, listing and revoking links. Every rule about links lives here. */
export class LinkService {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly links: LinkRepository,
  ) {}

  async create(principal: Principal, workspaceId: string, input: CreateLinkInput, meta: RequestMeta): Promise<LinkView> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const valid = parseOrThrow(createLinkInput, input, 'input');
    const now = new Date();
    const expiresInHours = valid.expiresInHours ?? LINK_LIMITS.expiresInHours.default;
    const link: LinkRecord = {
      id: randomUUID(),
      workspaceId: workspaceId.toLowerCase(),
      customerSlug: valid.customerSlug,
      displayName: valid.displayName ?? null,
      token: generateLinkToken(),
      createdAt: now,
      expiresAt: new Date(now.getTime() + expiresInHours * 3_600_000),
      revokedAt: null,
      maxUploads: valid.maxUploads ?? LINK_LIMITS.maxUploads.default,
      uploadCount: 0,
      reservedUploads: 0,
      lastUploadAt: null,
    };
    await this.unitOfWork.run(async (tx) => {
      await this.links.insert(tx, link, sha256Hex(link.token));
      await this.audit.record(
        {
          type: 'link.created',
          workspaceId: link.workspaceId,
          linkId: link.id,
          actor: this.auth.actorOf(principal),
          meta,
          detail: { customer_slug: link.customerSlug, expires_at: link.expiresAt.toISOString(), max_uploads: link.maxUploads },
        },
        tx,
      );
    });
    return toView(link, now);
  }

  /** Links of a workspace, newest first: only active ones unless `includeInactive`. */
  async list(principal: Principal, workspaceId: string, query: PageRequest & { includeInactive?: boolean | null }): Promise<Page<LinkView>> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const limit = pageLimit(query);
    const afterId = cursorId(query);
    const now = new Date();
    const rows = await this.links.listPage({ workspaceId, activeOnly: !query.includeInactive, limit, afterId, now });
    // An empty page after a cursor: the end of the list, or a cursor naming no link of the workspace.
    if (afterId && rows.length === 0 && !(await this.links.findInWorkspace(workspaceId, afterId))) throw invalidCursor();
    const page = toPage(rows, limit);
    return { items: page.items.map((link) => toView(link, now)), nextCursor: page.nextCursor };
  }

  /** One link of the workspace, whatever its status; null when there is none. */
  async get(principal: Principal, workspaceId: string, linkId: string): Promise<LinkView | null> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    if (!isUuid(linkId)) return null;
    const link = await this.links.findInWorkspace(workspaceId, linkId);
    return link ? toView(link, new Date()) : null;
  }

  /** Like `get`, but a missing link is a `not_found` error. */
  async require(principal: Principal, workspaceId: string, linkId: string): Promise<LinkView> {
    const link = await this.get(principal, workspaceId, linkId);
    if (!link) throw new AppError('not_found', 'No link has this id in this workspace.');
    return link;
  }

  /** Revokes a link at once; 404 when it does not exist or is already revoked. */
  async revoke(principal: Principal, workspaceId: string, linkId: string, meta: RequestMeta): Promise<LinkView> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const now = new Date();
    const revoked = !isUuid(linkId)
      ? null
      : await this.unitOfWork.run(async (tx) => {
          const link = await this.links.revoke(workspaceId, linkId, now, tx);
          if (link) {
            await this.audit.record(
              { type: 'link.revoked', workspaceId: link.workspaceId, linkId: link.id, actor: this.auth.actorOf(principal), meta },
              tx,
            );
          }
          return link;
        });
    if (!revoked) throw new AppError('not_found', 'No link with this id is left to revoke in this workspace (it is unknown or already revoked).');
    return toView(revoked, now);
  }
}

/** Adds the computed fields to a stored link. */
function toView(link: LinkRecord, now: Date): LinkView {
  return { ...link, status: computeLinkStatus(link, now), uploadUrl: uploadPagePath(link.token) };
}
