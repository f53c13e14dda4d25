// The REST link list, product against its bare baseline (bench/baselines/list-server.ts, express + pg
// running the same SQL), judged by server CPU per request: on this shared 2-core machine req/s swings
// with other jobs, CPU per request much less. One database seeded with 100,000 links (1% active,
// bench/lib/seed-links.ts); per case, alternating runs P B, B P, ... at AB_CONNECTIONS (default 50).
// With PROFILE=dir both sides run under --cpu-prof and, for the first case's first round, the self time
// per request of each frame is printed for both sides, side by side (what the product spends more on).
// INCLUSIVE=1 also prints each side's frames by inclusive time per request.
// PRODUCT_FLAGS adds node flags to the product's own, BASELINE_FLAGS to the baseline (e.g. --trace-gc:
// the pauses are then counted per run).
// node bench/micro/list-vs-baseline.ts [rounds] [seconds] [case ...]   cases: default, include_expired, deep
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gcDelta, processCpuMs, type ChildServer } from '../lib/child-server.ts';
import { summarizeProfile } from '../lib/cpu-profile.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { requestJson } from '../lib/http-client.ts';
import { load, probe } from '../lib/load.ts';
import { seedLinks } from '../lib/seed-links.ts';
import { startListBaseline, startProduct } from '../lib/servers.ts';

const rounds = Number(process.argv[2] ?? 3);
const seconds = Number(process.argv[3] ?? 5);
const cases = process.argv.slice(4).length ? process.argv.slice(4) : ['default', 'include_expired', 'deep'];
const connections = Number(process.env['AB_CONNECTIONS'] ?? 50);
const profileDir = process.env['PROFILE'] ? path.resolve(process.env['PROFILE']) : undefined;

const adminToken = 'a'.repeat(40);
const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const dir = await mkdtemp(path.join(tmpdir(), 'list-vs-baseline-'));
const servers: ChildServer[] = [];
const profileWindows: Record<string, { window: [number, number]; requests: number }> = {};
const profileFlags = (side: string) => (profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, side)}`, '--cpu-prof-interval=200'] : []);
/** CPU ms per thread name (the main thread is `node`), user and system apart, from /proc/<pid>/task. */
async function threadCpu(pid: number): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/[\d]+$/, '#');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    out[`${name} user`] = (out[`${name} user`] ?? 0) + Number(fields[11]) * 10;
    out[`${name} sys`] = (out[`${name} sys`] ?? 0) + Number(fields[12]) * 10;
  }
  return out;
}
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
try {
  const product = await startProduct({
    databaseUrl: db.url, dataDir: dir, adminToken,
    nodeFlags: [...(process.env['PRODUCT_FLAGS'] ?? '').split(' ').filter(Boolean), ...profileFlags('product')],
  });
  servers.push(product);
  const baseline = await startListBaseline(db.url, [
    ...(process.env['BASELINE_FLAGS'] ?? '').split(' ').filter(Boolean),
    ...(profileDir ? ['--import', path.resolve('bench/lib/exit-on-sigterm.ts'), ...profileFlags('list-baseline')] : []),
  ]); // the preload: a SIGTERM exit that writes the profile
  servers.push(baseline);
  const ws = await requestJson(product.url, 'POST', '/v1/workspaces', adminToken, { name: 'Listing practice' });
  if (ws.status !== 201) throw new Error(`create workspace: ${ws.status} ${ws.text}`);
  const seed = await seedLinks(db.url, ws.json.id, 100_000);
  const headers = { authorization: `Bearer ${ws.json.api_key}` };
  const base = `/v1/${ws.json.id}/intake/links`;
  // The deep page: follow the chain 80% down once, through the product.
  let deepQuery = '';
  if (cases.includes('deep')) {
    let next: string | undefined = base;
    const pages = Math.floor((seed.active / 100) * 0.8);
    for (let i = 0; i < pages && next; i++) {
      const res = await fetch(`${product.url}${next}`, { headers });
      next = /<([^>]+)>; rel="next"/.exec(res.headers.get('link') ?? '')?.[1];
      await res.arrayBuffer();
    }
    deepQuery = `?${new URL(next!, 'http://x').searchParams}`;
  }
  const queries: Record<string, string> = { default: '', include_expired: '?include_expired=true', deep: deepQuery };
  for (const name of cases) {
    const request = (side: ChildServer) => ({ url: `${side.url}${base}${queries[name]}`, headers });
    const pages = await Promise.all([product, baseline].map((side) => probe(request(side))));
    const [a, b] = pages as { id: string; upload_url: string }[][];
    // The same rows in the same order (upload_url differs: the product's is absolute).
    if (a!.length !== b!.length || a!.some((link, i) => link.id !== b![i]!.id)) throw new Error(`${name}: the two sides answer different pages`);
    for (const side of [product, baseline]) await load(request(side), connections, 1); // warm-up
    const ratios: number[] = [];
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? [product, baseline] : [baseline, product];
      const cpu: Record<string, number> = {};
      for (const side of order) {
        const gcBefore = side.gc();
        const before = await processCpuMs(side.pid);
        const threadsBefore = await threadCpu(side.pid);
        const start = nowUs();
        const figure = await load(request(side), connections, seconds);
        const threadsAfter = await threadCpu(side.pid);
        const threads = Object.fromEntries(Object.entries(threadsAfter).map(([k, v]) => [k, +((v - (threadsBefore[k] ?? 0)) / figure.requests * 1000).toFixed(0)]).filter(([, v]) => (v as number) > 0));
        profileWindows[side.name] = { window: [start, nowUs()], requests: figure.requests }; // the last run: after the warm-up of the first
        cpu[side.name] = ((await processCpuMs(side.pid)) - before) / figure.requests;
        const gcAfter = side.gc();
        const gc = gcBefore && gcAfter ? gcDelta(gcBefore, gcAfter) : undefined;
        console.log(JSON.stringify({ case: name, round, side: side.name, cpuMsPerRequest: +cpu[side.name]!.toFixed(3), requestsPerSecond: Math.round(figure.requestsPerSecond), p99Ms: figure.p99Ms, threadCpuUsPerRequest: threads, ...(gc ? { gc } : {}) }));
      }
      ratios.push(cpu['product']! / cpu['list-baseline']!);
    }
    for (const side of [product, baseline]) if (side.gc()) console.log(side.output().split('\n').filter((l) => /Scavenge|Mark/.test(l)).slice(-Number(process.env['GC_LINES'] ?? 6)).join('\n'));
    console.log(JSON.stringify({ case: name, cpuRatiosProductOverBaseline: ratios.map((r) => +r.toFixed(2)) }));
  }
} finally {
  for (const server of servers) await server.stop();
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
if (profileDir) {
  const perRequest = new Map<string, Record<string, number>>();
  const areaPerRequest = new Map<string, Record<string, number>>();
  const busy: Record<string, number> = {};
  for (const [side, { window, requests }] of Object.entries(profileWindows)) {
    const sideDir = path.join(profileDir, side);
    const file = (await readdir(sideDir)).filter((f) => f.endsWith('.cpuprofile')).sort().at(-1)!;
    const summary = await summarizeProfile(path.join(sideDir, file), window[0], window[1], 60);
    busy[side] = (summary.busyMs * 1000) / requests;
    if (process.env['INCLUSIVE']) for (const frame of summary.topInclusive) console.log(`${side} incl ${((frame.ms * 1000) / requests).toFixed(1).padStart(7)} µs  ${frame.frame}`);
    for (const area of summary.areas) areaPerRequest.set(area.area, { ...areaPerRequest.get(area.area), [side]: (area.ms * 1000) / requests });
    for (const frame of summary.topSelf) {
      const key = `${frame.frame} [${frame.area}]`;
      perRequest.set(key, { ...perRequest.get(key), [side]: (frame.ms * 1000) / requests });
    }
  }
  const us = (n: number | undefined) => (n === undefined ? '-' : n.toFixed(1)).padStart(7);
  console.log(`busy µs/request: product ${busy['product']?.toFixed(0)}, baseline ${busy['list-baseline']?.toFixed(0)} (profiled: slower than unprofiled)`);
  console.log(`${'product'.padStart(7)} ${'baseline'.padStart(8)}  self µs per request, by frame`);
  const rows = [...perRequest].sort((x, y) => (y[1]['product'] ?? 0) - (y[1]['list-baseline'] ?? 0) - ((x[1]['product'] ?? 0) - (x[1]['list-baseline'] ?? 0)));
  for (const [frame, sides] of rows) console.log(`${us(sides['product'])} ${us(sides['list-baseline'])}   ${frame}`);
  console.log(`${'product'.padStart(7)} ${'baseline'.padStart(8)}  self µs per request, by code area`);
  for (const [area, sides] of [...areaPerRequest].sort((x, y) => (y[1]['product'] ?? 0) - (x[1]['product'] ?? 0))) {
    console.log(`${us(sides['product'])} ${us(sides['list-baseline'])}   ${area}`);
  }
}
