import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import path from 'node:path';
import pino from 'pino';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { MIGRATIONS } from '../../src/migrations/index.js';
import { adminQuery, databaseUrl } from '../setup/test-postgres.js';

// The checked-in migrations on a database that has none of them yet: applied once even when
// several server processes start together, and `npm run migrate` is safe to run again.

const adminUrl = () => inject('postgresAdminUrl');
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl(), `drop database if exists "${name}" with (force)`);
});

async function emptyDatabase(): Promise<string> {
  const name = `t_empty_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl(), `create database "${name}"`);
  created.push(name);
  return databaseUrl(adminUrl(), name);
}

describe('migrations', () => {
  it('are applied once when three servers open a fresh database at the same time', async () => {
    const url = await emptyDatabase();
    const logger = pino({ level: 'silent' });
    const databases = await Promise.all([1, 2, 3].map(() => openDatabase({ databaseUrl: url, dataDir: '/nonexistent' }, logger)));
    try {
      const executed = await databases[0]!.orm.migrator.getExecuted();
      expect(executed.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    } finally {
      await Promise.all(databases.map((db) => db.close()));
    }
  });

  it('`npm run migrate` (dist/cli/migrate.js) applies them, and running it again changes nothing', async () => {
    const url = await emptyDatabase();
    const run = () =>
      new Promise<number | null>((resolve) => {
        const child = spawn(process.execPath, [path.resolve(import.meta.dirname, '..', '..', 'dist', 'cli', 'migrate.js')], {
          env: { PATH: process.env['PATH'] ?? '', DATABASE_URL: url, LOG_LEVEL: 'warn' },
          stdio: 'inherit',
        });
        child.once('exit', resolve);
      });
    expect(await run()).toBe(0);
    expect(await run()).toBe(0);
    const tables = await adminQuery(url, "select count(*)::int as n from information_schema.tables where table_schema = 'public'");
    expect(tables.rows[0].n).toBe(8);
  });
});
