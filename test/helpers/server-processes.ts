import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_RUNS_DIR } from './test-server.js';

/** Built servers (node dist/main.js) sharing one fresh database and one data folder. */
export interface ServerProcesses {
  db: TestDatabase;
  dataDir: string;
  adminToken: string;
  processes: ServerProcess[];
  /** Starts one more process on the same database, data folder and `env`. */
  start(extraEnv?: Record<string, string>): Promise<ServerProcess>;
  /** SIGKILLs what still runs (by its own pid), drops the database and removes the data folder. */
  stop(): Promise<void>;
}

export async function startServerProcesses(count: number, env: Record<string, string> = {}): Promise<ServerProcesses> {
  const db = await createTestDatabase();
  const dataDir = path.join(TEST_RUNS_DIR, `procs-${randomBytes(6).toString('hex')}`);
  await mkdir(dataDir, { recursive: true });
  const adminToken = `test-admin-${randomBytes(24).toString('hex')}`;
  const processes: ServerProcess[] = [];
  const start = async (extraEnv: Record<string, string> = {}) => {
    const p = await startServerProcess({
      DATABASE_URL: db.url, DATA_DIR: dataDir, ADMIN_TOKEN: adminToken, RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0', ...env, ...extraEnv,
    });
    processes.push(p);
    return p;
  };
  const stop = async () => {
    for (const p of processes) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    await Promise.all(processes.map((p) => p.exited));
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await Promise.all(Array.from({ length: count }, () => start()));
  } catch (error) {
    await stop();
    throw error;
  }
  return { db, dataDir, adminToken, processes, start, stop };
}
