// Side by side, the REST link list: two builds of the product (argv[2] and argv[3], each a dist/main.js),
// both on one database seeded with 100,000 links in one workspace (bench/lib/seed-links.ts), each with
// its own API key. autocannon at 4 connections for a fixed time per run, runs alternating A B, B A, ...
// Reports, per run, server CPU ms per request (utime + stime from /proc/<pid>/stat around the run), p99
// and req/s. node bench/micro/list-ab.ts <A main.js> <B main.js> [rounds] [seconds]
// Both start with the documented launch flags (PRODUCT_NODE_FLAGS). More node flags for B only: AB_NODE_FLAGS_B (the same main.js twice then compares launch flags);
// AB_CONNECTIONS instead of 4.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type ChildServer, processCpuMs, startChildServer } from '../lib/child-server.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { requestJson } from '../lib/http-client.ts';
import { load, probe } from '../lib/load.ts';
import { seedLinks } from '../lib/seed-links.ts';
import { PRODUCT_NODE_FLAGS } from '../lib/servers.ts';

const mains = { A: path.resolve(process.argv[2] ?? 'dist/main.js'), B: path.resolve(process.argv[3] ?? 'dist/main.js') };
const rounds = Number(process.argv[4] ?? 3);
const seconds = Number(process.argv[5] ?? 5);
const connections = Number(process.env['AB_CONNECTIONS'] ?? 4);

const adminToken = 'a'.repeat(40);
const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const dir = await mkdtemp(path.join(tmpdir(), 'list-ab-'));
const start = (name: string, main: string): Promise<ChildServer> =>
  startChildServer({
    name, cwd: path.resolve('.'), args: [...PRODUCT_NODE_FLAGS, ...(name === 'B' ? (process.env['AB_NODE_FLAGS_B'] ?? '').split(' ').filter(Boolean) : []), main], readyPath: '/readyz', timeoutMs: 120_000,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: path.join(dir, name), ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  });
const servers: ChildServer[] = [];
try {
  // One after the other: the first migrates the database.
  for (const [name, main] of Object.entries(mains)) servers.push(await start(name, main));
  const ws = await requestJson(servers[0]!.url, 'POST', '/v1/workspaces', adminToken, { name: 'Listing practice' });
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
  const seed = await seedLinks(db.url, ws.json.id, 100_000);
  console.log(JSON.stringify({ seeded: seed.count, active: seed.active }));
  const second = await requestJson(servers[0]!.url, 'POST', `/v1/workspaces/${ws.json.id}/api-keys`, adminToken, {});
  if (second.status !== 201) throw new Error(`issue key: ${second.status} ${second.text}`);
  const keys = [ws.json.api_key as string, second.json.api_key as string];
  const sides = servers.map((server, i) => ({ server, headers: { authorization: `Bearer ${keys[i]}` } }));
  for (const query of ['', '?include_expired=true']) {
    const request = (side: (typeof sides)[number]) => ({ url: `${side.server.url}/v1/${ws.json.id}/intake/links${query}`, headers: side.headers });
    for (const side of sides) {
      const page = (await probe(request(side))) as unknown[];
      if (page.length !== 100) throw new Error(`${side.server.name}: a page of ${page.length}`);
      await load(request(side), connections, 1); // warm-up, untimed
    }
    for (let round = 0; round < rounds * 2; round++) {
      const side = sides[round % 2 === 0 ? (Math.floor(round / 2) % 2) : 1 - (Math.floor(round / 2) % 2)]!;
      const before = await processCpuMs(side.server.pid);
      const figure = await load(request(side), connections, seconds);
      const cpu = (await processCpuMs(side.server.pid)) - before;
      console.log(JSON.stringify({
        case: query || 'default', round: Math.floor(round / 2), side: side.server.name,
        cpuMsPerRequest: +(cpu / figure.requests).toFixed(3), p99Ms: figure.p99Ms, requestsPerSecond: Math.round(figure.requestsPerSecond),
      }));
    }
  }
} finally {
  for (const server of servers) await server.stop();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
