import { randomBytes } from 'node:crypto';
import pg from 'pg';

// A fresh, empty database for one bench run on the PostgreSQL named by BENCH_POSTGRES_URL (default:
// the local server as postgres); the product migrates it at start. Dropped at the end.

export interface BenchDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: async () => void (await adminQuery(adminUrl, `drop database if exists "${name}" with (force)`)),
  };
}

/** The server's version string, e.g. "15.20". */
export async function serverVersion(adminUrl: string): Promise<string> {
  const rows = await adminQuery(adminUrl, 'show server_version');
  return String(rows[0]?.['server_version'] ?? 'unknown');
}

async function adminQuery(adminUrl: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}
