// The expiry-announcement backfill (Migration20261203062000) on a million links: a database migrated up
// to the migration before it, one workspace seeded by bench/lib/seed-links.ts with every mark cleared
// (as Migration20261202160000 left them), then the server's migrate() applies the backfill; timed,
// then its statement once more (the no-op a deployment that already announced would see).
// npm run build --silent && node bench/micro/expiry-backfill.ts [links]
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import pg from 'pg';
import { createBenchDatabase } from '../lib/database.ts';
import { seedLinks } from '../lib/seed-links.ts';

// The compiled build (the entities' decorators need tsc), typed by its sources.
const dist = (file: string) => import(new URL(`../../dist/${file}`, import.meta.url).href);
const { migrate } = (await dist('db/database.js')) as typeof import('../../src/db/database.js');
const { buildOrmOptions } = (await dist('db/orm-options.js')) as typeof import('../../src/db/orm-options.js');
const { Migration20261203062000 } = (await dist('migrations/Migration20261203062000.js')) as typeof import('../../src/migrations/Migration20261203062000.js');

const count = Number(process.argv[2] ?? 1_000_000);
const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const client = new pg.Client({ connectionString: db.url });
try {
  const orm = await MikroORM.init(buildOrmOptions(db.url));
  await orm.migrator.up({ to: 'Migration20261202162727' });
  await orm.close(true);
  await client.connect();
  const workspace = randomUUID();
  await client.query(`insert into workspaces (id, name, created_at) values ($1, 'backfill', now())`, [workspace]);
  const seed = await seedLinks(db.url, workspace, count);
  await client.query('update intake_links set expiry_announced_at = null');
  await client.query('vacuum full analyze intake_links');
  // The event came to exist a minute ago: everything seeded as expired expired before it.
  await client.query(`update mikro_orm_migrations set executed_at = now() - interval '1 minute' where name = 'Migration20261202160000'`);
  const { rows: [before] } = await client.query('select count(*)::int as n from intake_links where expires_at < now() and expiry_announced_at is null');
  const started = performance.now();
  const migrating = await MikroORM.init(buildOrmOptions(db.url));
  await migrate(migrating);
  await migrating.close(true);
  const migrateMs = performance.now() - started;
  const { rows: [after] } = await client.query('select count(*)::int as n from intake_links where expiry_announced_at is not null');
  const migration = new Migration20261203062000(null as never, null as never);
  migration.up();
  const [statement] = migration.getQueries() as unknown as Array<{ sql: string } | string>;
  const sql = typeof statement === 'string' ? statement : statement!.sql;
  const again = performance.now();
  const rerun = await client.query(sql);
  const rerunMs = performance.now() - again;
  console.log(JSON.stringify({ loadavg: (await import("node:os")).loadavg().map((n) => n.toFixed(1)).join(" "), links: seed.count, toMark: before.n, marked: after.n, migrateMs: Math.round(migrateMs), rerunRows: rerun.rowCount, rerunMs: Math.round(rerunMs) }));
} finally {
  await client.end().catch(() => undefined);
  await db.drop();
}
