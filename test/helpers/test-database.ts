import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { adminQuery, databaseUrl } from '../setup/test-postgres.js';

/** A fresh database copied from the migrated template. */
export interface TestDatabase {
  name: string;
  url: string;
  /** A connection of its own (for a test that must hold a lock or a transaction open). */
  connect(): Promise<import('pg').Client>;
  /** Runs SQL on it (for tests that move an expiry or count rows). */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('postgresAdminUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database "${name}" template "${inject('templateDatabase')}"`);
  const url = databaseUrl(adminUrl, name);
  const pg = (await import('pg')).default;
  return {
    name,
    url,
    async connect() {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      return client;
    },
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return (await client.query(sql, params)).rows as T[];
      } finally {
        await client.end();
      }
    },
    drop: () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`).then(() => undefined),
  };
}
