import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import pino, { type Logger } from 'pino';
import { loadConfig } from '../../src/config/load-config.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

/** Where test runs keep their files (inside the repo, so the embedded PostgreSQL user can reach them). */
export const TEST_RUNS_DIR = path.resolve(import.meta.dirname, '..', '..', '.cache', 'test-runs');

/** A server running in this process on its own database and data folder. */
export interface TestServer {
  url: string;
  adminToken: string;
  db: TestDatabase;
  dataDir: string;
  server: RunningServer;
  /** Log lines the server wrote (JSON objects), for log assertions. */
  logs: Record<string, unknown>[];
  stop(): Promise<void>;
}

export interface TestServerOptions {
  /** Extra environment variables (as the server would read them). */
  env?: Record<string, string>;
  /** Reuse a database (e.g. two servers on one database); a fresh one by default. */
  db?: TestDatabase;
  /** Start the background workers, as main.ts does (off by default: tests run jobs themselves). */
  workers?: boolean;
}

/**
 * Starts the real server (the same container and app as production; background workers only when `workers` is set) on 127.0.0.1 and a free
 * port, with a fresh database, its own DATA_DIR, a known admin token and rate limits off unless asked.
 */
export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = options.db ?? (await createTestDatabase());
  const dataDir = path.join(TEST_RUNS_DIR, randomBytes(6).toString('hex'));
  await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const adminToken = `test-admin-${randomBytes(24).toString('hex')}`;
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATABASE_URL: db.url,
    DATA_DIR: dataDir,
    ADMIN_TOKEN: adminToken,
    LOG_LEVEL: 'info',
    RATE_LIMIT_PUBLIC_PER_MINUTE: '0',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '0',
    RATE_LIMIT_API_PER_MINUTE: '0',
    ORPHAN_SWEEP_INTERVAL_SECONDS: '0',
    SHUTDOWN_GRACE_SECONDS: '5',
    ...options.env,
  });
  const logs: Record<string, unknown>[] = [];
  const server = await startServer(config, captureLogger(logs), { workers: options.workers ?? false });
  return {
    url: server.url,
    adminToken,
    db,
    dataDir,
    server,
    logs,
    async stop() {
      await server.stop();
      if (!options.db) await db.drop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function captureLogger(lines: Record<string, unknown>[]): Logger {
  return pino(
    { level: 'debug' },
    {
      write(line: string) {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    },
  );
}
