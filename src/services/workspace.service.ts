import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Tx, UnitOfWork } from '../db/unit-of-work.js';
import { notifyEmailRule, workspaceNameRule } from '../domain/link-rules.js';
import type { ApiKeyRecord, RequestMeta, WorkspaceRecord } from '../domain/records.js';
import { generateApiKey, sha256Hex } from '../domain/secrets.js';
import { AppError } from '../errors/app-error.js';
import type { ApiKeyRepository } from '../repositories/api-key.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { AuditService } from './audit.service.js';
import type { AuthService, Principal } from './auth.service.js';
import { isUuid, parseOrThrow } from './validation.js';

/** A newly issued key: the secret is in this object once and never stored. */
export interface IssuedApiKey extends ApiKeyRecord {
  secret: string;
}

const createWorkspaceInput = z.strictObject({ name: workspaceNameRule });
const updateWorkspaceInput = z.strictObject({ notify_email: notifyEmailRule });

/** Workspaces and the lifecycle of their API keys (issue, list, revoke), each change on the audit trail. */
export class WorkspaceService {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  /** Creates a workspace with its first API key (admin only). */
  async create(principal: Principal, input: { name: string }, meta: RequestMeta | null = null): Promise<{ workspace: WorkspaceRecord; apiKey: IssuedApiKey }> {
    this.auth.assertAdmin(principal);
    const { name } = parseOrThrow(createWorkspaceInput, input);
    const workspace: WorkspaceRecord = { id: randomUUID(), name, createdAt: new Date(), notifyEmail: null };
    const apiKey = newKey(workspace.id);
    await this.unitOfWork.run(async (tx) => {
      await this.workspaces.insert(tx, workspace);
      await this.insertKey(tx, principal, apiKey, meta);
    });
    return { workspace, apiKey };
  }

  /** One workspace (the admin token, or a key of that workspace). */
  async get(principal: Principal, workspaceId: string): Promise<WorkspaceRecord> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const workspace = await this.workspaces.find(workspaceId.toLowerCase());
    if (!workspace) throw new AppError('not_found', 'No workspace has this id.');
    return workspace;
  }

  /**
   * Changes the workspace's settings: today only `notify_email` (null clears it). The admin token or a
   * key of the workspace; audited without the address itself (the trail outlives the setting).
   */
  async update(principal: Principal, workspaceId: string, input: { notify_email: string | null }, meta: RequestMeta | null = null): Promise<WorkspaceRecord> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const { notify_email: notifyEmail } = parseOrThrow(updateWorkspaceInput, input);
    return this.unitOfWork.run(async (tx) => {
      const workspace = await this.workspaces.setNotifyEmail(tx, workspaceId.toLowerCase(), notifyEmail);
      if (!workspace) throw new AppError('not_found', 'No workspace has this id.');
      await this.audit.record(
        { type: 'workspace.updated', workspaceId: workspace.id, actor: this.auth.actorOf(principal), meta, detail: { changed: ['notify_email'], notify_email_set: notifyEmail !== null } },
        tx,
      );
      return workspace;
    });
  }

  /** The workspace's keys, revoked ones included, oldest first; never a secret. */
  async listApiKeys(principal: Principal, workspaceId: string): Promise<ApiKeyRecord[]> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    return this.apiKeys.listByWorkspace(workspaceId.toLowerCase());
  }

  /**
   * Issues another API key for the workspace. Admin only: a key that could mint keys would let
   * whoever leaked it keep access after it is revoked.
   */
  async issueApiKey(principal: Principal, workspaceId: string, meta: RequestMeta | null = null): Promise<IssuedApiKey> {
    this.auth.assertAdmin(principal);
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const apiKey = newKey(workspaceId.toLowerCase());
    await this.unitOfWork.run((tx) => this.insertKey(tx, principal, apiKey, meta));
    return apiKey;
  }

  /**
   * Revokes a key at once; 404 when it is unknown or already revoked. The admin may revoke any key;
   * a key may revoke only itself (so a leaked key cannot lock its owner out of their other keys).
   */
  async revokeApiKey(principal: Principal, workspaceId: string, keyId: string, meta: RequestMeta | null = null): Promise<ApiKeyRecord> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    if (principal.kind === 'api_key' && principal.keyId !== keyId.toLowerCase()) {
      throw new AppError('forbidden', 'An API key may revoke only itself; the admin token revokes any key.');
    }
    if (!isUuid(keyId)) throw notFound();
    return this.unitOfWork.run(async (tx) => {
      const revoked = await this.apiKeys.revoke(workspaceId.toLowerCase(), keyId.toLowerCase(), new Date(), tx);
      if (!revoked) throw notFound();
      await this.audit.record(
        { type: 'api_key.revoked', workspaceId: revoked.workspaceId, actor: this.auth.actorOf(principal), meta, detail: { api_key_id: revoked.id } },
        tx,
      );
      return revoked;
    });
  }

  private async insertKey(tx: Tx, principal: Principal, apiKey: IssuedApiKey, meta: RequestMeta | null): Promise<void> {
    await this.apiKeys.insert(tx, apiKey, sha256Hex(apiKey.secret));
    await this.audit.record(
      { type: 'api_key.issued', workspaceId: apiKey.workspaceId, actor: this.auth.actorOf(principal), meta, detail: { api_key_id: apiKey.id } },
      tx,
    );
  }
}

function notFound(): AppError {
  return new AppError('not_found', 'No live API key has this id in this workspace.');
}

function newKey(workspaceId: string): IssuedApiKey {
  return { id: randomUUID(), workspaceId, createdAt: new Date(), revokedAt: null, lastUsedAt: null, secret: generateApiKey() };
}
