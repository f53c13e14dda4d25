// Side by side, per link-list page: two builds of the product (argv[2] = A, argv[3] = B, each a
// directory holding dist/), each in its own process on its own fresh database of 100,000 links (1%
// active), the bench's page (bench/scenarios/link-listing.ts: every field, 100 links) through GraphQL
// (POST JSON with variables) and through REST, API key auth, `perRound` requests at 4 connections.
// Both start with the documented launch flags (PRODUCT_NODE_FLAGS). Rounds alternate A B, B A, ... Reports server CPU ms (utime + stime from /proc/<pid>/stat) per
// request for each face, and GraphQL/REST. Throughput is not judged here (the machine is shared).
//   node bench/micro/graphql-list-ab.ts <treeA> <treeB> [perRound=1500] [rounds=6] [nodeFlagsB] [faces=graphql,rest]
// (AB_WARMUP: unmeasured requests per face and side first, default 4000.)
// (e.g. nodeFlagsB '--cpu-prof --cpu-prof-dir=/tmp/prof' and faces 'graphql' to profile one face.)
import { createRequire } from 'node:module';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ChildServer, processCpuMs, startChildServer } from '../lib/child-server.ts';
import { createBenchDatabase, type BenchDatabase } from '../lib/database.ts';
import { requestJson } from '../lib/http-client.ts';
import { probe, type LoadRequest } from '../lib/load.ts';
import { seedLinks } from '../lib/seed-links.ts';
import { PRODUCT_NODE_FLAGS } from '../lib/servers.ts';

const autocannon = createRequire(import.meta.url)('autocannon') as (options: Record<string, unknown>) => Promise<any>;
const GRAPHQL_PAGE =
  'query Links($ws: ID!, $cursor: String) { intakeLinks(workspaceId: $ws, cursor: $cursor) { id workspaceId customerSlug displayName uploadUrl linkToken status createdAt expiresAt revokedAt maxUploads uploadCount lastUploadAt } }';

const trees = { A: path.resolve(process.argv[2] ?? '.'), B: path.resolve(process.argv[3] ?? '.') };
const perRound = Number(process.argv[4] ?? 1500);
const rounds = Number(process.argv[5] ?? 6);
const nodeFlagsB = process.argv[6] ? process.argv[6].split(' ') : [];
const faces = (process.argv[7] ?? 'graphql,rest').split(',') as ('graphql' | 'rest')[];
const CONNECTIONS = 4;
const warmup = Number(process.env['AB_WARMUP'] ?? 4000);


async function drive(request: LoadRequest, amount: number): Promise<void> {
  const result = await autocannon({ url: request.url, method: request.method ?? 'GET', headers: request.headers, body: request.body, connections: CONNECTIONS, amount });
  const failed = result.errors + result.timeouts + result.non2xx;
  if (failed > 0) throw new Error(`${request.url}: ${failed} of ${result.requests.total} failed`);
}

interface Side { name: string; dir: string; db: BenchDatabase; server: ChildServer; graphql: LoadRequest; rest: LoadRequest }
const sides: Side[] = [];
try {
  for (const [name, root] of Object.entries(trees)) {
    const dir = await mkdtemp(path.join(tmpdir(), `gql-ab-${name}-`));
    const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
    const adminToken = 'a'.repeat(40);
    const server = await startChildServer({
      name, cwd: root, args: [...PRODUCT_NODE_FLAGS, ...(name === 'B' ? nodeFlagsB : []), path.join(root, 'dist', 'main.js')], readyPath: '/readyz', timeoutMs: 120_000,
      env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
        RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
    });
    const ws = await requestJson(server.url, 'POST', '/v1/workspaces', adminToken, { name: 'Listing practice' });
    if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
    await seedLinks(db.url, ws.json.id, 100_000);
    const headers = { authorization: `Bearer ${ws.json.api_key}` };
    const side: Side = {
      name, dir, db, server,
      graphql: { url: `${server.url}/graphql`, method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: GRAPHQL_PAGE, variables: { ws: ws.json.id } }) },
      rest: { url: `${server.url}/v1/${ws.json.id}/intake/links`, headers },
    };
    const page = (await probe(side.graphql)) as any;
    if (page.errors || page.data.intakeLinks.length !== 100) throw new Error(`${name}: unexpected GraphQL page ${JSON.stringify(page).slice(0, 300)}`);
    sides.push(side);
    // Warm-up, unmeasured: the product's code keeps getting cheaper over its first 10-15 s of a page (V8 tiering up).
    for (const face of faces) await drive(side[face], warmup);
  }
  for (let round = 0; round < rounds; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const figures: Record<string, number> = {};
      for (const face of faces) {
        const before = await processCpuMs(side.server.pid);
        await drive(side[face], perRound);
        figures[face] = ((await processCpuMs(side.server.pid)) - before) / perRound;
      }
      const ratio = figures['graphql'] && figures['rest'] ? { restOverGraphql: +(figures['rest'] / figures['graphql']).toFixed(2) } : {};
      console.log(JSON.stringify({ round, side: side.name, graphqlCpuMs: figures['graphql']?.toFixed(3), restCpuMs: figures['rest']?.toFixed(3), ...ratio }));
    }
  }
} finally {
  for (const side of sides) { await side.server.stop(); if (process.env["AB_DEBUG"]) console.error(side.name, side.server.output().slice(-600)); await side.db.drop(); await rm(side.dir, { recursive: true, force: true }); }
}
