import 'reflect-metadata';
import { createHash, randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MikroORM } from '@mikro-orm/postgresql';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/database.js';
import { buildOrmOptions } from '../../src/db/orm-options.js';
import { JobQueue } from '../../src/jobs/job-queue.js';
import pino from 'pino';
import { startGcsEmulator, type GcsEmulator } from '../services/gcs-emulator.js';
import { adminQuery, databaseUrl, startTestPostgres, type TestPostgres } from './test-postgres.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

declare module 'vitest' {
  export interface ProvidedContext {
    /** Maintenance URL of the PostgreSQL server the tests use. */
    postgresAdminUrl: string;
    /** A migrated database every test database is copied from. */
    templateDatabase: string;
    /** http://127.0.0.1:PORT of the GCS-API emulator. */
    gcsEmulatorHost: string;
  }
}

/**
 * Once per run: a PostgreSQL server with a migrated template database (each test file copies it,
 * which takes milliseconds), and a GCS-API emulator.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  process.env['TMPDIR'] ??= path.join(repoRoot, '.cache', 'tmp');
  const [postgres, emulator] = await Promise.all([startTestPostgres(repoRoot), startGcsEmulator()]);
  let template: string | undefined;
  try {
    template = await createTemplateDatabase(postgres);
  } catch (error) {
    await Promise.allSettled([postgres.stop(), emulator.stop()]);
    throw error;
  }
  project.provide('postgresAdminUrl', postgres.adminUrl);
  project.provide('templateDatabase', template);
  project.provide('gcsEmulatorHost', emulator.host);
  return () => teardown(postgres, emulator, template);
}

async function createTemplateDatabase(postgres: TestPostgres): Promise<string> {
  // One template per run (not shared between runs), so a run never sees another run's half-made one.
  const name = `intake_template_${migrationsDigest()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(postgres.adminUrl, `create database "${name}"`);
  const orm = await MikroORM.init(buildOrmOptions(databaseUrl(postgres.adminUrl, name)));
  try {
    await migrate(orm);
  } finally {
    await orm.close(true);
  }
  // pg-boss's schema too, so each test database starts with its queue installed (as a first start leaves it).
  const queue = await JobQueue.open(databaseUrl(postgres.adminUrl, name), { background: false, logger: pino({ level: 'silent' }) });
  await queue.close();
  await adminQuery(postgres.adminUrl, `alter database "${name}" with is_template true allow_connections false`);
  return name;
}

async function teardown(postgres: TestPostgres, emulator: GcsEmulator, template: string): Promise<void> {
  await adminQuery(postgres.adminUrl, `alter database "${template}" with is_template false`).catch(() => undefined);
  await adminQuery(postgres.adminUrl, `drop database if exists "${template}" with (force)`).catch(() => undefined);
  await Promise.allSettled([emulator.stop(), postgres.stop()]);
}

function migrationsDigest(): string {
  const dir = path.join(repoRoot, 'src', 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).sort()) hash.update(readFileSync(path.join(dir, file)));
  return hash.digest('hex').slice(0, 8);
}
