// Does a set of node flags keep the REST link list's garbage out of the old generation? Two builds of
// the launch (A: the product's flags without AB_DROP, B: the product's flags as they are, or plus
// AB_ADD), each a fresh process under --trace-gc on one database seeded with 100,000 links (1%
// active), then `runs` back-to-back load runs of include_expired=true at 50 connections. Sides
// alternate per pair (A B, B A, ...). Per run: server CPU per request, what scavenges promoted per
// request (bench/lib/child-server.ts gcCounter: heap growth across young collections), scavenge ms
// per request, req/s. Promotion that goes on run after run is the state the flag is meant to end.
// AB_DROP=--no-allocation-site-pretenuring node bench/micro/list-promotion-ab.ts [pairs] [runs] [seconds]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processCpuMs } from '../lib/child-server.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { requestJson } from '../lib/http-client.ts';
import { load } from '../lib/load.ts';
import { seedLinks } from '../lib/seed-links.ts';
import { PRODUCT_NODE_FLAGS, startProduct } from '../lib/servers.ts';

const pairs = Number(process.argv[2] ?? 3);
const runs = Number(process.argv[3] ?? 3);
const seconds = Number(process.argv[4] ?? 5);
const drop = process.env['AB_DROP'] ?? '';
const add = (process.env['AB_ADD'] ?? '').split(' ').filter(Boolean);
// startProduct always passes PRODUCT_NODE_FLAGS; a dropped boolean flag is turned back with its opposite.
const undo = (flag: string) => (flag.startsWith('--no-') ? `--${flag.slice(5)}` : `--no-${flag.slice(2)}`);
const sides = { A: drop ? [undo(drop)] : [], B: add };

const adminToken = 'a'.repeat(40);
const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const dir = await mkdtemp(path.join(tmpdir(), 'list-promotion-'));
try {
  const first = await startProduct({ databaseUrl: db.url, dataDir: path.join(dir, 'seed'), adminToken });
  const ws = await requestJson(first.url, 'POST', '/v1/workspaces', adminToken, { name: 'Listing practice' });
  await first.stop();
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
  await seedLinks(db.url, ws.json.id, 100_000);
  console.log(JSON.stringify({ productFlags: PRODUCT_NODE_FLAGS, A: sides.A, B: sides.B }));
  for (let pair = 0; pair < pairs; pair++) {
    for (const name of (pair % 2 === 0 ? ['A', 'B'] : ['B', 'A']) as ('A' | 'B')[]) {
      const server = await startProduct({ databaseUrl: db.url, dataDir: path.join(dir, name), adminToken, nodeFlags: ['--trace-gc', ...sides[name]] });
      try {
        const request = { url: `${server.url}/v1/${ws.json.id}/intake/links?include_expired=true`, headers: { authorization: `Bearer ${ws.json.api_key}` } };
        await load(request, 50, 1); // warm-up, untimed
        for (let run = 0; run < runs; run++) {
          const [cpuBefore, gcBefore] = [await processCpuMs(server.pid), server.gc()!];
          const figure = await load(request, 50, seconds);
          const [cpuAfter, gcAfter] = [await processCpuMs(server.pid), server.gc()!];
          const perRequest = (x: number) => x / figure.requests;
          console.log(JSON.stringify({
            pair, side: name, run,
            cpuMsPerRequest: +perRequest(cpuAfter - cpuBefore).toFixed(3),
            promotedKbPerRequest: +perRequest((gcAfter.promotedMb - gcBefore.promotedMb) * 1024).toFixed(1),
            scavengeMsPerRequest: +perRequest((gcAfter.kinds['Scavenge']?.ms ?? 0) - (gcBefore.kinds['Scavenge']?.ms ?? 0)).toFixed(3),
            requestsPerSecond: Math.round(figure.requestsPerSecond),
          }));
        }
      } finally {
        await server.stop();
      }
    }
  }
} finally {
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
