import pg from 'pg';

// Seeds one workspace with `count` links straight into the bench database (after the server
// migrated it), in one INSERT ... SELECT over generate_series: the product's API would take hours.
// Link i (1 = newest) is created i * spacing before now, so creation times spread evenly over a
// year. Every 100th link is active (1%); the others cycle expired, revoked, exhausted, so each kind
// is spread evenly over time and every active link has ~99 inactive ones between it and the next.
// Revoked and exhausted links keep an expiry up to 720 h (the maximum) after creation, so the
// newest of them are still unexpired: the worst case for a plan that looks at expires_at alone.
// Active links expire 1-720 h from now whatever their age (an operator may move expires_at in SQL).
// Links already expired at seeding are marked as announced (expiry_announced_at = expires_at): they
// expired before the run, as on a deployment whose expiry job has kept up, so the server does not
// spend the listing benchmark announcing link.expired for hundreds of thousands of them (of a
// million links, 935,757 are expired at seeding) in the background.

export const ACTIVE_EVERY = 100;

export interface SeedResult {
  count: number;
  active: number;
  ms: number;
}

export async function seedLinks(databaseUrl: string, workspaceId: string, count: number): Promise<SeedResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const started = performance.now();
  try {
    await client.query(
      `insert into intake_links (id, workspace_id, customer_slug, display_name, token, token_sha256, created_at, expires_at, revoked_at, max_uploads, upload_count, last_upload_at, expiry_announced_at)
       select gen_random_uuid(), $1, 'seed-' || (i % 5000), null, s.token, encode(sha256(convert_to(s.token, 'UTF8')), 'hex'), s.created,
              e.expires,
              case when i % ${ACTIVE_EVERY} <> 0 and i % 3 = 1 then s.created + interval '1 minute' end,
              5,
              case when i % ${ACTIVE_EVERY} <> 0 and i % 3 = 2 then 5 else 0 end,
              null,
              case when e.expires <= now() then e.expires end
       from generate_series(1, $2::int) as i,
            lateral (select md5(i::text || 'a') || md5(i::text || 'b') as token,
                            now() - make_interval(secs => i * (365.0 * 86400 / $2::int)) as created) as s,
            lateral (select case when i % ${ACTIVE_EVERY} = 0 then now() + make_interval(hours => 1 + (i / ${ACTIVE_EVERY}) % 720)
                                 when i % 3 = 0 then least(s.created + interval '168 hours', now() - interval '1 second')
                                 else s.created + interval '720 hours' end as expires) as e`,
      [workspaceId, count],
    );
    await client.query('vacuum analyze intake_links');
    const { rows } = await client.query(
      'select count(*)::int as active from intake_links where workspace_id = $1 and revoked_at is null and expires_at > now() and upload_count + reserved_uploads < max_uploads',
      [workspaceId],
    );
    return { count, active: rows[0].active as number, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}
