import { explain, type ExplainFigure } from '../lib/explain.ts';
import { requestJson } from '../lib/http-client.ts';
import { load, probe, type LoadFigure, type LoadRequest } from '../lib/load.ts';
import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { seedLinks, type SeedResult } from '../lib/seed-links.ts';
import type { ChildServer } from '../lib/child-server.ts';
import pg from 'pg';
import { diagnoseListing, type ListingDiagnosis } from './listing-diagnosis.ts';

// The link list of one workspace holding `count` links, 1% active (bench/lib/seed-links.ts), under
// autocannon: the product against bench/baselines/list-server.ts (bare express + pg, the same SQL),
// at 50 connections for throughput and at 4 for tail latency; and the same list through GraphQL
// against REST on the product. Each measurement alternates sides per round, as the uploads do.

export const THROUGHPUT_CONNECTIONS = 50;
export const LATENCY_CONNECTIONS = 4;

export interface LoadComparison {
  name: string;
  connections: number;
  rounds: PairedRound<LoadFigure>[];
  requestsPerSecond: PairedSummary;
  p99Ms: PairedSummary;
}

export interface ListingResult {
  seed: SeedResult;
  seconds: number;
  /** Untimed load per side before the rounds of each measurement (absent in older results: 1 s). */
  warmupSeconds?: number;
  /** Product REST / bare baseline. */
  rest: LoadComparison[];
  /** Product GraphQL / product REST, the same page. */
  graphql: LoadComparison[];
  /** The active-only page before and after the partial index, and the include_expired page. */
  plans: ExplainFigure[];
  /** Per-request server CPU and database work at the latency load (absent in older results). */
  diagnosis?: ListingDiagnosis;
}

const GRAPHQL_PAGE =
  'query Links($ws: ID!, $cursor: String) { intakeLinks(workspaceId: $ws, cursor: $cursor) { id workspaceId customerSlug displayName uploadUrl linkToken status createdAt expiresAt revokedAt maxUploads uploadCount lastUploadAt } }';

export async function runLinkListing(
  product: ChildServer,
  baseline: ChildServer,
  adminToken: string,
  databaseUrl: string,
  options: { count: number; rounds: number; seconds: number; warmupSeconds: number; settleMs?: number },
  log: (line: string) => void,
  /** A fresh product and list baseline started with --trace-gc, for the p99 diagnosis (stopped after it). */
  startTraced: () => Promise<{ product: ChildServer; baseline: ChildServer; statements: () => Promise<string[]> }>,
): Promise<ListingResult> {
  const ws = await requestJson(product.url, 'POST', '/v1/workspaces', adminToken, { name: 'Listing practice' });
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
  const workspaceId: string = ws.json.id;
  const seed = await seedLinks(databaseUrl, workspaceId, options.count);
  log(`seeded ${seed.count} links (${seed.active} active) in ${(seed.ms / 1000).toFixed(1)} s`);
  const deepCursor = await activeLinkAt(databaseUrl, workspaceId, Math.floor(seed.active * 0.8));

  const headers = { authorization: `Bearer ${ws.json.api_key}` };
  const path = `/v1/${workspaceId}/intake/links`;
  const restCases: [string, string][] = [
    ['active only (default)', path],
    ['include_expired=true', `${path}?include_expired=true`],
    ['active only, a page deep in the cursor chain (80% down)', `${path}?cursor=${deepCursor}`],
  ];
  const measure = async (name: string, a: LoadRequest, b: LoadRequest, aName: string, bName: string): Promise<LoadComparison[]> => {
    const [pa, pb] = (await Promise.all([probe(a), probe(b)])) as any[];
    // REST against the baseline: the same rows in the same order (GraphQL wraps its answer: not compared).
    if (aName === 'product' && (pa.length !== pb.length || pa[0]?.id !== pb[0]?.id || pa.at(-1)?.id !== pb.at(-1)?.id)) {
      throw new Error(`${name}: ${aName} and ${bName} answer different pages`);
    }
    const out: LoadComparison[] = [];
    for (const connections of [THROUGHPUT_CONNECTIONS, LATENCY_CONNECTIONS]) {
      // Untimed, and long enough for the product's code to reach its optimized tiers: a fresh product,
      // or one that served only the other cases, still gets ~10% cheaper per request over its first
      // 10-15 s of a case (the bare baseline, with far less code, over ~1 s), and the goal is the
      // throughput a server keeps up, not its first seconds.
      await load(a, connections, options.warmupSeconds);
      await load(b, connections, options.warmupSeconds);
      const rounds = await alternate(options.rounds, () => load(a, connections, options.seconds), () => load(b, connections, options.seconds));
      const cmp = {
        name,
        connections,
        rounds,
        requestsPerSecond: summarizePaired(rounds, (f) => f.requestsPerSecond),
        p99Ms: summarizePaired(rounds, (f) => f.p99Ms),
      };
      log(
        `list ${name}, ${connections} conn: ${aName} ${cmp.requestsPerSecond.product.median.toFixed(0)} req/s p99 ${cmp.p99Ms.product.median} ms, ` +
          `${bName} ${cmp.requestsPerSecond.baseline.median.toFixed(0)} req/s p99 ${cmp.p99Ms.baseline.median} ms, ratio ${cmp.requestsPerSecond.ratio.median.toFixed(2)}`,
      );
      out.push(cmp);
    }
    return out;
  };

  const rest: LoadComparison[] = [];
  for (const [name, p] of restCases) {
    rest.push(...(await measure(name, { url: product.url + p, headers }, { url: baseline.url + p, headers }, 'product', 'baseline')));
  }
  const graphqlRequest: LoadRequest = {
    url: `${product.url}/graphql`,
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: GRAPHQL_PAGE, variables: { ws: workspaceId } }),
  };
  const graphql = await measure('active only (default)', graphqlRequest, { url: product.url + path, headers }, 'GraphQL', 'REST');

  const traced = await startTraced();
  let diagnosis: ListingDiagnosis;
  try {
    diagnosis = await diagnoseListing(
      [
        { side: 'product REST', server: traced.product, request: { url: traced.product.url + path, headers }, statements: traced.statements },
        { side: 'baseline', server: traced.baseline, request: { url: traced.baseline.url + path, headers } },
        { side: 'product GraphQL', server: traced.product, request: { ...graphqlRequest, url: `${traced.product.url}/graphql` }, statements: traced.statements },
      ],
      databaseUrl,
      LATENCY_CONNECTIONS,
      options.seconds,
      options.settleMs,
    );
  } finally {
    await traced.product.stop();
    await traced.baseline.stop();
  }
  for (const d of diagnosis.sides) {
    log(
      `list diagnosis ${d.side}: p99 ${d.load.p99Ms} ms, CPU ${d.cpuMsPerRequest.toFixed(2)} ms/req, GC ${d.gcPauses} pauses ${d.gcMsPerRequest.toFixed(3)} ms/req, ` +
        `commits ${d.commitsPerRequest.toFixed(2)}/req, api_keys updates ${d.apiKeyUpdatesPerRequest.toFixed(3)}/req`,
    );
    for (const st of d.statementsPerRequest ?? []) log(`  ${st.perRequest.toFixed(2)}/req ${st.statement}`);
  }
  const plans = await listingPlans(databaseUrl, workspaceId, deepCursor);
  return { seed, seconds: options.seconds, warmupSeconds: options.warmupSeconds, rest, graphql, plans, diagnosis };
}

async function activeLinkAt(databaseUrl: string, workspaceId: string, offset: number): Promise<string> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select id from intake_links where workspace_id = $1 and revoked_at is null and expires_at > now() and upload_count + reserved_uploads < max_uploads
       order by created_at desc, id desc offset $2 limit 1`,
      [workspaceId, offset],
    );
    return rows[0].id as string;
  } finally {
    await client.end();
  }
}

const COLUMNS = 'id, workspace_id, customer_slug, display_name, token, created_at, expires_at, revoked_at, max_uploads, upload_count, last_upload_at';
const COLUMNS_OF_L = COLUMNS.split(', ').map((c) => `l.${c}`).join(', ');
const ACTIVE = 'revoked_at is null and expires_at > now() and upload_count + reserved_uploads < max_uploads';
const KEYSET = '(created_at, id) < (select created_at, id from intake_links where id = $2)';

/** The statements LinkRepository.listPage sends (now) and sent before the partial index (before). */
async function listingPlans(databaseUrl: string, workspaceId: string, deepCursor: string): Promise<ExplainFigure[]> {
  const before = (extra: string) => `select ${COLUMNS} from intake_links where workspace_id = $1 and ${ACTIVE}${extra} order by created_at desc, id desc limit 101`;
  const now = (extra: string) =>
    `with candidates as materialized (select id, created_at from intake_links where workspace_id = $1 and ${ACTIVE}${extra}),
          page as (select id, created_at from candidates order by created_at desc, id desc limit 101)
     select ${COLUMNS_OF_L} from page join intake_links l using (id) order by page.created_at desc, page.id desc`;
  return [
    await explain(databaseUrl, 'active only, first page: before (newest-first index, filtered)', before(''), [workspaceId]),
    await explain(databaseUrl, 'active only, first page: now (partial index by expiry)', now(''), [workspaceId]),
    await explain(databaseUrl, 'active only, deep page: before', before(` and ${KEYSET}`), [workspaceId, deepCursor]),
    await explain(databaseUrl, 'active only, deep page: now', now(` and ${KEYSET}`), [workspaceId, deepCursor]),
    await explain(
      databaseUrl,
      'include_expired=true, first page (unchanged)',
      `select ${COLUMNS} from intake_links where workspace_id = $1 order by created_at desc, id desc limit 101`,
      [workspaceId],
    ),
  ];
}
