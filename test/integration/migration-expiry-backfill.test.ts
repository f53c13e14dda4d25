import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { migrate } from '../../src/db/database.js';
import { buildOrmOptions } from '../../src/db/orm-options.js';
import { adminQuery, databaseUrl } from '../setup/test-postgres.js';

// An upgrade must not announce link.expired for links that expired before the event existed
// (Migration20261202160000 added expiry_announced_at, null for every existing link, and the expiry
// job announces every expired link whose mark is null). The database is built at the state before
// the backfill: the migrations up to Migration20261202162727, with a recorded execution time for
// Migration20261202160000; then the server's own migrate() applies what is left.

const adminUrl = () => inject('postgresAdminUrl');
const created: string[] = [];
afterAll(async () => {
  for (const name of created) await adminQuery(adminUrl(), `drop database if exists "${name}" with (force)`);
});

const WORKSPACE = '00000000-0000-4000-8000-000000000001';
// When Migration20261202160000 ran on this deployment: the moment link.expired came to exist.
const EVENT_EXISTED = '2026-12-02T16:30:00.000Z';

// name, expires_at, revoked_at, expiry_announced_at before the upgrade
const LINKS: Array<[string, string, string | null, string | null]> = [
  ['expired-last-year', '2025-12-01T00:00:00.000Z', null, null],
  ['expired-just-before', '2026-12-02T16:29:59.999Z', null, null],
  ['revoked-expired-before', '2026-11-20T00:00:00.000Z', '2026-11-10T00:00:00.000Z', null],
  // A deployment where the job already ran (the storm happened): its mark stays as it is.
  ['expired-before-already-announced', '2026-11-01T00:00:00.000Z', null, '2026-12-02T16:31:00.000Z'],
  // Expired after the event existed: the job's to announce, announced or not yet.
  ['expired-at-the-moment', '2026-12-02T16:30:00.000Z', null, null],
  ['expired-after-not-yet-announced', '2026-12-02T18:00:00.000Z', null, null],
  ['expired-after-announced', '2026-12-02T17:00:00.000Z', null, '2026-12-02T17:00:20.000Z'],
  ['expires-next-year', '2027-12-01T00:00:00.000Z', null, null],
];

async function databaseBeforeBackfill(): Promise<string> {
  const name = `t_backfill_${randomBytes(5).toString('hex')}`;
  await adminQuery(adminUrl(), `create database "${name}"`);
  created.push(name);
  const url = databaseUrl(adminUrl(), name);
  const orm = await MikroORM.init(buildOrmOptions(url));
  try {
    await orm.migrator.up({ to: 'Migration20261202162727' });
  } finally {
    await orm.close(true);
  }
  await adminQuery(url, `update mikro_orm_migrations set executed_at = '${EVENT_EXISTED}' where name = 'Migration20261202160000'`);
  await adminQuery(url, `insert into workspaces (id, name, created_at) values ('${WORKSPACE}', 'w', '2025-01-01T00:00:00Z')`);
  for (const [slug, expiresAt, revokedAt, announcedAt] of LINKS) {
    const token = randomBytes(16).toString('hex');
    await adminQuery(
      url,
      `insert into intake_links (id, workspace_id, customer_slug, token, token_sha256, created_at, expires_at, revoked_at, max_uploads, expiry_announced_at)
       values (gen_random_uuid(), '${WORKSPACE}', '${slug}', '${token}', encode(sha256('${token}'::bytea), 'hex'), '2025-01-01T00:00:00Z',
               '${expiresAt}', ${revokedAt ? `'${revokedAt}'` : 'null'}, 5, ${announcedAt ? `'${announcedAt}'` : 'null'})`,
    );
  }
  return url;
}

describe('the expiry-announcement backfill', () => {
  it('marks as announced the links that expired before link.expired existed, and nothing else', async () => {
    const url = await databaseBeforeBackfill();
    const orm = await MikroORM.init(buildOrmOptions(url));
    try {
      await migrate(orm);
    } finally {
      await orm.close(true);
    }
    const { rows } = await adminQuery(
      url,
      `select customer_slug, to_char(expiry_announced_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as announced
       from intake_links order by expires_at`,
    );
    expect(rows).toEqual([
      { customer_slug: 'expired-last-year', announced: '2026-12-02T16:30:00.000Z' },
      { customer_slug: 'expired-before-already-announced', announced: '2026-12-02T16:31:00.000Z' },
      { customer_slug: 'revoked-expired-before', announced: '2026-12-02T16:30:00.000Z' },
      { customer_slug: 'expired-just-before', announced: '2026-12-02T16:30:00.000Z' },
      { customer_slug: 'expired-at-the-moment', announced: null },
      { customer_slug: 'expired-after-announced', announced: '2026-12-02T17:00:20.000Z' },
      { customer_slug: 'expired-after-not-yet-announced', announced: null },
      { customer_slug: 'expires-next-year', announced: null },
    ]);
  });
});
