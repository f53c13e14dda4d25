import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import pino from 'pino';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';

/** Where the test databases are created: the server named by DATABASE_URL, or an embedded one. */
export interface TestPostgres {
  /** URL of a maintenance database on the server (used to create and drop per-file databases). */
  adminUrl: string;
  stop(): Promise<void>;
}

/**
 * DATABASE_URL when set (CI points it at the machine's PostgreSQL); otherwise an embedded cluster kept
 * under .cache/ between runs, so `npm test` needs nothing installed.
 */
export async function startTestPostgres(repoRoot: string): Promise<TestPostgres> {
  if (process.env['DATABASE_URL']) {
    return { adminUrl: process.env['DATABASE_URL'], stop: async () => undefined };
  }
  // PostgreSQL runs as the "postgres" user when tests run as root: the folder must be traversable.
  const dataDir = path.join(repoRoot, '.cache', 'test-postgres');
  if (!existsSync(dataDir)) await mkdir(dataDir, { recursive: true, mode: 0o755 });
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres(dataDir, pino({ level: 'warn' }));
  return { adminUrl: embedded.url, stop: () => embedded.stop() };
}

/** Runs SQL on the maintenance database. */
export async function adminQuery(adminUrl: string, sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/** The URL of database `name` on the same server. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
