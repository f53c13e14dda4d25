import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { UnitOfWork } from '../db/unit-of-work.js';
import { workspaceNameRule } from '../domain/link-rules.js';
import type { ApiKeyRecord, WorkspaceRecord } from '../domain/records.js';
import { generateApiKey, sha256Hex } from '../domain/secrets.js';
import { AppError } from '../errors/app-error.js';
import type { ApiKeyRepository } from '../repositories/api-key.repository.js';
import type { WorkspaceRepository } from '../repositories/workspace.repository.js';
import type { AuthService, Principal } from './auth.service.js';
import { isUuid, parseOrThrow } from './validation.js';

/** A newly issued key: the secret is in this object once and never stored. */
export interface IssuedApiKey extends ApiKeyRecord {
  secret: string;
}

const createWorkspaceInput = z.strictObject({ name: workspaceNameRule });

/** Workspaces and their API keys. */
export class WorkspaceService {
  constructor(
    private readonly auth: AuthService,
    private readonly unitOfWork: UnitOfWork,
    private readonly workspaces: WorkspaceRepository,
    private readonly apiKeys: ApiKeyRepository,
  ) {}

  /** Creates a workspace with its first API key (admin only). */
  async create(principal: Principal, input: { name: string }): Promise<{ workspace: WorkspaceRecord; apiKey: IssuedApiKey }> {
    this.auth.assertAdmin(principal);
    const { name } = parseOrThrow(createWorkspaceInput, input);
    const workspace: WorkspaceRecord = { id: randomUUID(), name, createdAt: new Date() };
    const apiKey = newKey(workspace.id);
    await this.unitOfWork.run(async (tx) => {
      await this.workspaces.insert(tx, workspace);
      await this.apiKeys.insert(tx, apiKey, sha256Hex(apiKey.secret));
    });
    return { workspace, apiKey };
  }

  /**
   * Issues another API key for the workspace. Admin only: a key that could mint keys would let
   * whoever leaked it keep access after it is revoked.
   */
  async issueApiKey(principal: Principal, workspaceId: string): Promise<IssuedApiKey> {
    this.auth.assertAdmin(principal);
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const apiKey = newKey(workspaceId.toLowerCase());
    await this.unitOfWork.run((tx) => this.apiKeys.insert(tx, apiKey, sha256Hex(apiKey.secret)));
    return apiKey;
  }

  /**
   * Revokes a key at once; 404 when it is unknown or already revoked. The admin may revoke any key;
   * a key may revoke only itself (so a leaked key cannot lock its owner out of their other keys).
   */
  async revokeApiKey(principal: Principal, workspaceId: string, keyId: string): Promise<void> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    if (principal.kind === 'api_key' && principal.keyId !== keyId.toLowerCase()) {
      throw new AppError('forbidden', 'An API key may revoke only itself; the admin token revokes any key.');
    }
    const revoked = isUuid(keyId) ? await this.apiKeys.revoke(workspaceId, keyId, new Date()) : null;
    if (!revoked) throw new AppError('not_found', 'No live API key has this id in this workspace.');
  }
}

function newKey(workspaceId: string): IssuedApiKey {
  return { id: randomUUID(), workspaceId, createdAt: new Date(), revokedAt: null, secret: generateApiKey() };
}
