import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

describe('the orphan sweep runs on the job queue', () => {
  const servers: TestServer[] = [];

  beforeAll(async () => {
    const first = await startTestServer({ env: { ORPHAN_SWEEP_INTERVAL_SECONDS: '2', PROCESS_ROLES: 'worker' }, workers: true });
    servers.push(first);
    servers.push(await startTestServer({ db: first.db, env: { ORPHAN_SWEEP_INTERVAL_SECONDS: '2', PROCESS_ROLES: 'worker', DATA_DIR: first.dataDir }, workers: true }));
  });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it('two worker processes asking every interval make one sweep job per interval slot, and the sweeps complete', async () => {
    const db = servers[0]!.db;
    const rows = await waitFor(
      async () => {
        const found = await db.query<{ singleton_on: Date; state: string }>(`select singleton_on, state from pgboss.job where name = 'orphan-sweep'`);
        return found.filter((row) => row.state === 'completed').length >= 2 ? found : undefined;
      },
      { what: 'two completed orphan sweeps', timeoutMs: 45_000, intervalMs: 250 },
    );
    const slots = rows.map((row) => new Date(row.singleton_on).toISOString());
    expect(new Set(slots).size).toBe(slots.length);
  });
});
