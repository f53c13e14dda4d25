import pg from 'pg';
import { requestJson } from '../lib/http-client.ts';
import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import type { ProductLink } from '../lib/servers.ts';
import { productTarget, uploadBatch } from '../lib/uploader.ts';
import type { ChildServer } from '../lib/child-server.ts';

// Contention on one link: 200 small uploads at once, all to the same link (max_uploads 10,000), so
// every one takes its slot with the same conditional UPDATE of the same row. Measures accepted
// uploads per second and checks that none is lost: the link's upload_count and its upload rows
// both grow by exactly the number of 201s. Run twice side by side, in alternating rounds: the product
// with every rate limit off (in-memory store, never consulted), and a second product process on the
// same database with the shared PostgreSQL rate-limit store on and limits high enough that nothing is
// refused, so the figure is the store's cost (one counter upsert per limited request).

export const CONTENTION_UPLOADS = 200;
export const CONTENTION_BYTES = 4096;
/** The per-minute limits of the PostgreSQL-store product: far above what a run sends, so nothing is refused. */
export const CONTENTION_HIGH_LIMIT = 1_000_000;

export interface ContentionRound {
  ms: number;
  accepted: number;
  countGrowth: number;
  rowGrowth: number;
}

export interface ContentionResult {
  uploads: number;
  sizeBytes: number;
  /** Accepted/s: `product` = rate limits off, `baseline` = PostgreSQL store on (ratio store-on / off). */
  acceptedPerSecond: PairedSummary;
  rounds: PairedRound<ContentionRound>[];
  /** Lost uploads over every round of both servers (must be 0). */
  lost: number;
}

interface Side {
  server: ChildServer;
  ws: ProductLink;
}

export async function runContention(off: Side, postgresStore: Side, databaseUrl: string, rounds: number): Promise<ContentionResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const prepare = async ({ server, ws }: Side) => {
      const link = await requestJson(server.url, 'POST', `/v1/${ws.workspaceId}/intake/links`, ws.apiKey, {
        customer_slug: 'contention',
        expires_in_hours: 24,
        max_uploads: 10_000,
      });
      if (link.status !== 201) throw new Error(`create link: ${link.status} ${link.text}`);
      const target = productTarget(server.url, link.json.link_token);
      const counts = async () => {
        const { rows } = await client.query(
          'select upload_count, (select count(*)::int from uploads where link_id = $1) as n from intake_links where id = $1',
          [link.json.id],
        );
        return { count: rows[0].upload_count as number, rows: rows[0].n as number };
      };
      await uploadBatch(target, CONTENTION_BYTES, 20, 1); // warm-up, untimed
      return async (): Promise<ContentionRound> => {
        const before = await counts();
        let ms = 0;
        let accepted = 0;
        try {
          const batch = await uploadBatch(target, CONTENTION_BYTES, CONTENTION_UPLOADS, 1);
          ms = batch.ms;
          accepted = batch.ids.length;
        } catch {
          // A refused or failed upload: counted as lost below (accepted stays short of the batch).
        }
        const after = await counts();
        return { ms, accepted, countGrowth: after.count - before.count, rowGrowth: after.rows - before.rows };
      };
    };
    const a = await prepare(off);
    const b = await prepare(postgresStore);
    const paired = await alternate(rounds, a, b);
    const lostIn = (r: ContentionRound) => CONTENTION_UPLOADS - r.accepted + Math.abs(r.countGrowth - r.accepted) + Math.abs(r.rowGrowth - r.accepted);
    const lost = paired.reduce((sum, r) => sum + lostIn(r.product) + lostIn(r.baseline), 0);
    return {
      uploads: CONTENTION_UPLOADS,
      sizeBytes: CONTENTION_BYTES,
      acceptedPerSecond: summarizePaired(paired, (r) => (r.ms > 0 ? r.accepted / (r.ms / 1000) : 0)),
      rounds: paired,
      lost,
    };
  } finally {
    await client.end();
  }
}
