import { describe, expect, it } from 'vitest';
import { generateApiKey } from '../../src/domain/secrets.js';
import type { ApiKeyRepository } from '../../src/repositories/api-key.repository.js';
import type { WorkspaceRepository } from '../../src/repositories/workspace.repository.js';
import { AuthService } from '../../src/services/auth.service.js';

const KEY_ID = '0b6f3c1e-1d2a-4c3b-9e8f-7a6b5c4d3e2f';
const WORKSPACE_ID = '5f4e3d2c-1b0a-4988-8776-655443322110';

/** An AuthService over an in-memory key store that records every last_used_at write it is asked for. */
function serviceAt(clock: { now: number }) {
  const touches: { now: string; staleBefore: string }[] = [];
  const apiKeys = {
    findActiveBySecretHash: async () => ({ id: KEY_ID, workspaceId: WORKSPACE_ID, createdAt: new Date(0), revokedAt: null, lastUsedAt: null }),
    touchLastUsed: async (_keyId: string, now: Date, staleBefore: Date) => void touches.push({ now: now.toISOString(), staleBefore: staleBefore.toISOString() }),
  } as unknown as ApiKeyRepository;
  const auth = new AuthService('t'.repeat(40), apiKeys, {} as WorkspaceRepository, () => clock.now);
  return { auth, touches };
}

describe('AuthService: last_used_at to the minute', () => {
  it('writes last_used_at once per 60 s per key, not once per request', async () => {
    const clock = { now: Date.parse('2026-12-02T12:00:00.000Z') };
    const { auth, touches } = serviceAt(clock);
    const header = `Bearer ${generateApiKey()}`;

    await auth.authenticate(header);
    clock.now = Date.parse('2026-12-02T12:00:30.000Z');
    await auth.authenticate(header);
    clock.now = Date.parse('2026-12-02T12:00:59.999Z');
    await auth.authenticate(header);
    expect(touches).toEqual([{ now: '2026-12-02T12:00:00.000Z', staleBefore: '2026-12-02T11:59:00.000Z' }]);

    clock.now = Date.parse('2026-12-02T12:01:00.000Z');
    await auth.authenticate(header);
    expect(touches).toEqual([
      { now: '2026-12-02T12:00:00.000Z', staleBefore: '2026-12-02T11:59:00.000Z' },
      { now: '2026-12-02T12:01:00.000Z', staleBefore: '2026-12-02T12:00:00.000Z' },
    ]);
  });

  it('answers the same principal whether or not it writes', async () => {
    const clock = { now: Date.parse('2026-12-02T12:00:00.000Z') };
    const { auth } = serviceAt(clock);
    const header = `Bearer ${generateApiKey()}`;
    const first = await auth.authenticate(header);
    clock.now += 1_000;
    const second = await auth.authenticate(header);
    expect(first).toEqual({ kind: 'api_key', keyId: KEY_ID, workspaceId: WORKSPACE_ID });
    expect(second).toEqual({ kind: 'api_key', keyId: KEY_ID, workspaceId: WORKSPACE_ID });
  });
});
