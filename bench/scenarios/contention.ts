import pg from 'pg';
import { requestJson } from '../lib/http-client.ts';
import type { ProductLink } from '../lib/servers.ts';
import { spread, type Spread } from '../lib/stats.ts';
import { productTarget, uploadBatch } from '../lib/uploader.ts';
import type { ChildServer } from '../lib/child-server.ts';

// Contention on one link: 200 small uploads at once, all to the same link (max_uploads 10,000), so
// every one takes its slot with the same conditional UPDATE of the same row. Measures accepted
// uploads per second and checks that none is lost: the link's upload_count and its upload rows
// both grow by exactly the number of 201s.

export const CONTENTION_UPLOADS = 200;
export const CONTENTION_BYTES = 4096;

export interface ContentionResult {
  uploads: number;
  sizeBytes: number;
  acceptedPerSecond: Spread;
  rounds: { ms: number; accepted: number; countGrowth: number; rowGrowth: number }[];
  lost: number;
}

export async function runContention(product: ChildServer, ws: ProductLink, databaseUrl: string, rounds: number): Promise<ContentionResult> {
  const link = await requestJson(product.url, 'POST', `/v1/${ws.workspaceId}/intake/links`, ws.apiKey, {
    customer_slug: 'contention',
    expires_in_hours: 24,
    max_uploads: 10_000,
  });
  if (link.status !== 201) throw new Error(`create link: ${link.status} ${link.text}`);
  const target = productTarget(product.url, link.json.link_token);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const counts = async () => {
    const { rows } = await client.query(
      'select upload_count, (select count(*)::int from uploads where link_id = $1) as n from intake_links where id = $1',
      [link.json.id],
    );
    return { count: rows[0].upload_count as number, rows: rows[0].n as number };
  };
  try {
    await uploadBatch(target, CONTENTION_BYTES, 20, 1); // warm-up, untimed
    const out: ContentionResult['rounds'] = [];
    for (let round = 0; round < rounds; round++) {
      const before = await counts();
      const { ms, ids } = await uploadBatch(target, CONTENTION_BYTES, CONTENTION_UPLOADS, 1);
      const after = await counts();
      out.push({ ms, accepted: ids.length, countGrowth: after.count - before.count, rowGrowth: after.rows - before.rows });
    }
    const lost = out.reduce((sum, r) => sum + (CONTENTION_UPLOADS - r.accepted) + Math.abs(r.countGrowth - r.accepted) + Math.abs(r.rowGrowth - r.accepted), 0);
    return {
      uploads: CONTENTION_UPLOADS,
      sizeBytes: CONTENTION_BYTES,
      acceptedPerSecond: spread(out.map((r) => r.accepted / (r.ms / 1000))),
      rounds: out,
      lost,
    };
  } finally {
    await client.end();
  }
}
