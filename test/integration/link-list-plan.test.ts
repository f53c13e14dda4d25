import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { linkPageStatement, type LinkPageQuery } from '../../src/repositories/link.repository.js';
import type { ApiClient, ApiResponse, TestWorkspace } from '../helpers/api-client.js';
import { startServerWithWorkspace } from '../helpers/server-with-workspace.js';
import type { TestServer } from '../helpers/test-server.js';

// The active-only list reads the partial index by expiry, so a page costs the same however many
// inactive links lie between active ones (BENCHMARKS.md): these tests pin the plan (no timing) and
// check that the rewritten statement still returns exactly the active links, newest first, page by page.

const LINKS = 600;
const ACTIVE_EVERY = 20; // links 20, 40, ... 600: 30 active, each after 19 inactive ones

let t: TestServer;
let api: ApiClient;
let ws: TestWorkspace;

beforeAll(async () => {
  ({ t, api, ws } = await startServerWithWorkspace());
  // Link i is i minutes old; every 20th active, the others in turn expired, revoked and full.
  await t.db.query(
    `insert into intake_links (id, workspace_id, customer_slug, token, token_sha256, created_at, expires_at, revoked_at, max_uploads, upload_count)
     select gen_random_uuid(), $1, 'c' || i, md5(i::text) || md5('t' || i), md5(i::text) || md5('h' || i),
            now() - make_interval(mins => i),
            case when i % ${ACTIVE_EVERY} <> 0 and i % 3 = 0 then now() - interval '1 second' else now() + interval '1 day' end,
            case when i % ${ACTIVE_EVERY} <> 0 and i % 3 = 1 then now() end,
            3,
            case when i % ${ACTIVE_EVERY} <> 0 and i % 3 = 2 then 3 else 0 end
     from generate_series(1, ${LINKS}) as i`,
    [ws.id],
  );
  await t.db.query('vacuum analyze intake_links');
});
afterAll(() => t?.stop());

async function plan(query: LinkPageQuery): Promise<string> {
  const { sql, params } = linkPageStatement(query);
  let n = 0;
  const rows = await t.db.query<{ 'QUERY PLAN': string }>(`explain (costs off) ${sql.replace(/\?/g, () => `$${++n}`)}`, params);
  return rows.map((r) => r['QUERY PLAN']).join('\n');
}

describe('the plan of a page of links', () => {
  const base = { limit: 10, now: new Date() };

  it('takes active-only candidates from the partial index by expiry, from the index alone', async () => {
    const text = await plan({ ...base, workspaceId: ws.id, activeOnly: true, afterId: undefined });
    expect(text).toMatch(/Index Only Scan using intake_links_workspace_unexpired_idx/);
    expect(text).not.toMatch(/intake_links_workspace_newest_idx/);
  });

  it('does the same for a page after a cursor', async () => {
    const text = await plan({ ...base, workspaceId: ws.id, activeOnly: true, afterId: '00000000-0000-4000-8000-000000000000' });
    expect(text).toMatch(/Index Only Scan using intake_links_workspace_unexpired_idx/);
  });

  it('walks the newest-first index when inactive links are included', async () => {
    const text = await plan({ ...base, workspaceId: ws.id, activeOnly: false, afterId: undefined });
    expect(text).toMatch(/Index Scan Backward using intake_links_workspace_newest_idx/);
  });
});

describe('the active-only list through the rewritten statement', () => {
  it('returns exactly the active links, newest first, across pages of 7', async () => {
    const expected = (
      await t.db.query<{ customer_slug: string }>(
        `select customer_slug from intake_links where workspace_id = $1 and revoked_at is null and expires_at > now() and upload_count + reserved_uploads < max_uploads
         order by created_at desc, id desc`,
        [ws.id],
      )
    ).map((r) => r.customer_slug);
    expect(expected).toEqual(Array.from({ length: LINKS / ACTIVE_EVERY }, (_, k) => `c${(k + 1) * ACTIVE_EVERY}`));

    const seen: string[] = [];
    let path: string | undefined = `/v1/${ws.id}/intake/links?limit=7`;
    while (path) {
      const res: ApiResponse = await api.request('GET', path, { token: ws.apiKey });
      expect(res.status, res.text).toBe(200);
      seen.push(...(res.body as { customer_slug: string; status: string }[]).map((l) => `${l.customer_slug}:${l.status}`));
      const next: string | undefined = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      path = next ? new URL(next, t.url).pathname + new URL(next, t.url).search : undefined;
    }
    expect(seen).toEqual(expected.map((slug) => `${slug}:active`));
  });
});
