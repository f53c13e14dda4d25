// Side by side, per 100 MB tus upload: two builds of the product (this tree's dist and another
// dist folder given as argv[2]), each in its own process on its own fresh database, uploads of
// argv[3] bytes (default 100 MB) in one PATCH and in 8 MiB PATCHes, rounds alternating A B, B A, ...
// Reports wall ms and server CPU ms (utime + stime from /proc/<pid>/stat) per upload.
// Both start with the documented launch flags (PRODUCT_NODE_FLAGS) plus AB_NODE_FLAGS_A / AB_NODE_FLAGS_B
// (the same dist twice then compares flags); --baseline adds @tus/server as a third side.
// node bench/micro/tus-ab.ts /path/to/other/dist [bytes] [rounds] [--cpu-prof] [--baseline]
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gcDelta, processCpuMs, startChildServer } from '../lib/child-server.ts';
import { csvBody } from '../lib/csv-body.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { createLink, PRODUCT_NODE_FLAGS } from '../lib/servers.ts';
import { MIB } from '../lib/stats.ts';
import { tusUploadOnce } from '../scenarios/tus-throughput.ts';

const dists = { A: path.resolve('dist'), B: path.resolve(process.argv[2] ?? 'dist') };
const size = Number(process.argv[3] ?? 100 * 1000 * 1000);
const rounds = Number(process.argv[4] ?? 3);
const profile = process.argv.includes('--cpu-prof');
const readAll = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of csvBody(size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
const sides = [];
for (const [name, dist] of Object.entries(dists)) {
  const dir = await mkdtemp(path.join(tmpdir(), `tus-ab-${name}-`));
  const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
  const adminToken = 'a'.repeat(40);
  const flags = [
    ...PRODUCT_NODE_FLAGS,
    ...(process.env[`AB_NODE_FLAGS_${name}`] ?? '').split(' ').filter(Boolean),
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve('.cache/prof', name)}`] : []),
  ];
  const server = await startChildServer({
    name, cwd: path.resolve('.'), args: [...flags, path.join(dist, 'main.js')], readyPath: '/readyz', timeoutMs: 120_000,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  });
  const link = await createLink(server, adminToken);
  const target = { label: 'product-tus' as const, baseUrl: server.url, creationPath: `/upload/${link.linkToken}/tus` };
  await tusUploadOnce(target, await readAll(), 8 * MIB); // warm-up
  sides.push({ name, dir, db, server, target });
}
if (process.argv.includes('--baseline')) {
  // @tus/server + @tus/file-store (bench/baselines/tus-server.ts) as a third side, for the ratio.
  const dir = await mkdtemp(path.join(tmpdir(), 'tus-ab-T-'));
  const server = await startChildServer({ name: 'T', cwd: path.resolve('.'), args: [path.resolve('bench/baselines/tus-server.ts')], env: { BENCH_DIR: dir, NODE_ENV: 'production' }, readyPath: '/' });
  const target = { label: 'tus-baseline' as const, baseUrl: server.url, creationPath: '/files' };
  await tusUploadOnce(target, await readAll(), 8 * MIB);
  sides.push({ name: 'T', dir, db: { drop: async () => undefined }, server, target });
}
try {
  for (let round = 0; round < rounds; round++) {
    for (const patches of ['single', '8mib'] as const) {
      for (const side of round % 2 ? [...sides].reverse() : sides) {
        const file = await readAll();
        const gcBefore = side.server.gc();
        const before = await processCpuMs(side.server.pid);
        const started = performance.now();
        await tusUploadOnce(side.target, file, patches === 'single' ? size : 8 * MIB);
        const wallMs = performance.now() - started;
        const cpu = (await processCpuMs(side.server.pid)) - before;
        const gcAfter = side.server.gc();
        // With --trace-gc among a side's flags: its collections during the upload, by kind.
        const gc = gcBefore && gcAfter ? gcDelta(gcBefore, gcAfter) : undefined;
        console.log(JSON.stringify({ round, patches, side: side.name, wallMs: Math.round(wallMs), cpuMs: cpu, mibPerS: +(size / MIB / (wallMs / 1000)).toFixed(0), ...(gc ? { gc } : {}) }));
      }
    }
  }
} finally {
  for (const side of sides) { await side.server.stop(); await side.db.drop(); await rm(side.dir, { recursive: true, force: true }); }
}
