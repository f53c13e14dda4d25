import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/test-server.js';
import { waitFor } from '../helpers/wait-for.js';

describe('the sweeps run on the job queue', () => {
  const servers: TestServer[] = [];

  beforeAll(async () => {
    const first = await startTestServer({ env: { ORPHAN_SWEEP_INTERVAL_SECONDS: '2', PROCESS_ROLES: 'worker' }, workers: true });
    servers.push(first);
    servers.push(await startTestServer({ db: first.db, env: { ORPHAN_SWEEP_INTERVAL_SECONDS: '2', PROCESS_ROLES: 'worker', DATA_DIR: first.dataDir }, workers: true }));
  });
  afterAll(async () => {
    for (const server of servers.reverse()) await server.stop();
  });

  it.each(['orphan-sweep', 'tus-expiry-sweep'])('two worker processes asking every interval make one %s job per interval slot, and the sweeps complete', async (queue) => {
    const db = servers[0]!.db;
    const rows = await waitFor(
      async () => {
        const found = await db.query<{ singleton_on: Date; state: string }>(`select singleton_on, state from pgboss.job where name = $1`, [queue]);
        return found.filter((row) => row.state === 'completed').length >= 2 ? found : undefined;
      },
      { what: `two completed ${queue} jobs`, timeoutMs: 45_000, intervalMs: 250 },
    );
    const slots = rows.map((row) => new Date(row.singleton_on).toISOString());
    expect(new Set(slots).size).toBe(slots.length);
  });
});
