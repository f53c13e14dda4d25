import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { startServerProcess, type ServerProcess } from './server-process.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';
import { TEST_RUNS_DIR } from './test-server.js';

/** The built server (dist/main.js) in its own process, on its own database and data folder. */
export interface BuiltServer {
  server: ServerProcess;
  db: TestDatabase;
  dataDir: string;
  adminToken: string;
  /** Stops the process (SIGTERM, waits for it), drops the database and removes the data folder. */
  stop(): Promise<void>;
}

/**
 * Starts it as production does, with the rate limits and the orphan sweep off (they would land in a
 * measurement); `env` adds to or overrides those settings. For tests that measure the process itself
 * (its memory), which an in-process test server cannot show.
 */
export async function startBuiltServer(dataDirPrefix: string, env: Record<string, string> = {}): Promise<BuiltServer> {
  const adminToken = randomBytes(32).toString('hex');
  const db = await createTestDatabase();
  const dataDir = path.join(TEST_RUNS_DIR, `${dataDirPrefix}-${randomBytes(6).toString('hex')}`);
  const cleanUp = async () => {
    await db.drop();
    await rm(dataDir, { recursive: true, force: true });
  };
  let server: ServerProcess;
  try {
    await mkdir(dataDir, { recursive: true, mode: 0o755 });
    server = await startServerProcess({
      TMPDIR: process.env['TMPDIR'] ?? '/tmp',
      NODE_ENV: 'production',
      DATABASE_URL: db.url,
      DATA_DIR: dataDir,
      ADMIN_TOKEN: adminToken,
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
      ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
      ...env,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  return {
    server,
    db,
    dataDir,
    adminToken,
    stop: async () => {
      if (server.child.exitCode === null) {
        server.child.kill('SIGTERM');
        await server.exited;
      }
      await cleanUp();
    },
  };
}
