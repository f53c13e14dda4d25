// Server CPU per upload and per MiB, side by side: the bare baseline and one or two builds of the
// product (this tree's dist, and another tree's given as argv[2]), each in its own process (the
// products on their own fresh databases). Batches alternate in rotating order (A B base, B base A,
// ...), so a slow spell of the shared machine falls on every side. CPU is utime + stime of the server
// process from /proc/<pid>/stat (clock ticks of 10 ms), read before and after each batch.
//   node bench/micro/upload-cpu-ab.ts [other-tree|-] [size-bytes] [uploads-per-batch] [clients] [rounds]
// AB_BENCH_WARMUP=1 runs the upload scenario's warm-up first; AB_WARMUP caps the size-specific warm-up (default 200);
// AB_PRELUDE_100=n uploads n x 100 MiB (untimed) before every timed batch.
// Both products start with the documented launch flags (PRODUCT_NODE_FLAGS); more for the product(s): AB_NODE_FLAGS (A, and B unless AB_NODE_FLAGS_B is set). The same tree
// twice with two flag sets compares flags: `AB_NODE_FLAGS_B=--max-semi-space-size=1 node ... . ...`. With
// --trace-gc among a side's flags each batch line also carries its collections by kind; AB_BASE_FLAGS
// are the baseline's.
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gcDelta, startChildServer, type ChildServer } from '../lib/child-server.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { compileBaselines, createLink, PRODUCT_NODE_FLAGS, startUploadBaseline } from '../lib/servers.ts';
import { baselineTarget, productTarget, uploadBatch, type UploadTarget } from '../lib/uploader.ts';
import { WARMUP } from '../scenarios/upload-throughput.ts';

const other = process.argv[2] && process.argv[2] !== '-' ? path.resolve(process.argv[2]) : undefined;
const size = Number(process.argv[3] ?? 1024 * 1024);
const perBatch = Number(process.argv[4] ?? 20);
const clients = Number(process.argv[5] ?? 1);
const rounds = Number(process.argv[6] ?? 4);
const cpuMs = async (pid: number) => (await userSysMs(pid)).reduce((a, b) => a + b);
const userSysMs = async (pid: number) => {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return [(Number(fields[11]) * 1000) / 100, (Number(fields[12]) * 1000) / 100] as const;
};

// With --trace-gc among a side's flags: the collections of one batch by kind, count and main-thread pause.
interface Side { name: string; server: ChildServer; target: UploadTarget; dir: string; cleanup: () => Promise<void> }
const sides: Side[] = [];
const work = await mkdtemp(path.join(tmpdir(), 'cpu-ab-'));
await compileBaselines(work);
const trees: [string, string][] = [['A', path.resolve('.')], ...(other ? [['B', other] as [string, string]] : [])];
try {
  for (const [name, root] of trees) {
    const dir = await mkdtemp(path.join(work, `${name}-`));
    const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
    const adminToken = 'a'.repeat(40);
    const server = await startChildServer({
      name, cwd: root, args: [...PRODUCT_NODE_FLAGS, ...((name === 'B' ? (process.env['AB_NODE_FLAGS_B'] ?? process.env['AB_NODE_FLAGS']) : process.env['AB_NODE_FLAGS'])?.split(' ').filter(Boolean) ?? []), path.join(root, 'dist', 'main.js')], readyPath: '/readyz', timeoutMs: 120_000,
      env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
        RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
    });
    const target = productTarget(server.url, (await createLink(server, adminToken)).linkToken);
    sides.push({ name, server, target, dir: path.join(dir, 'objects'), cleanup: async () => { await server.stop(); await db.drop(); } });
  }
  const baseDir = await mkdtemp(path.join(work, 'base-'));
  const base = await startUploadBaseline(baseDir, process.env['AB_BASE_FLAGS']?.split(' ').filter(Boolean));
  sides.push({ name: 'base', server: base, target: baselineTarget(base.url), dir: baseDir, cleanup: () => base.stop() });
  // Warm-up: a fresh V8 runs the byte paths in slower tiers for its first few hundred MB. With
  // AB_BENCH_WARMUP=1, the upload scenario's own warm-up first (4 x 100 MB twice, then 10 MB and
  // 1 MB batches): large uploads grow V8's young generation, which changes when full collections
  // start afterwards (see BENCHMARKS.md, the 1 MB upload's CPU).
  for (const side of sides) {
    if (process.env['AB_BENCH_WARMUP']) for (const [s, c, n] of WARMUP) await uploadBatch(side.target, s, c, n);
    await uploadBatch(side.target, size, clients, Math.min(Number(process.env["AB_WARMUP"] ?? 200), Math.max(2, Math.ceil((300 * 2 ** 20) / size / clients))));
    await rm(side.dir, { recursive: true, force: true });
    await mkdir(side.dir, { recursive: true });
  }
  const totals = new Map<string, number[]>();
  for (let round = 0; round < rounds; round++) {
    const order = sides.map((_, i) => sides[(i + round) % sides.length]!);
    for (const side of order) {
      // AB_PRELUDE_100=n: n sequential 100 MiB uploads before each timed batch, untimed: the state
      // large uploads leave V8's heap in is what made small uploads after them cost more.
      for (let i = 0; i < Number(process.env['AB_PRELUDE_100'] ?? 0); i++) await uploadBatch(side.target, 100 * 2 ** 20, 1, 1);
      const gcBefore = side.server.gc();
      const before = await userSysMs(side.server.pid);
      const { ms } = await uploadBatch(side.target, size, clients, perBatch);
      const after = await userSysMs(side.server.pid);
      const gcAfter = side.server.gc();
      const [user, sys] = [after[0] - before[0], after[1] - before[1]];
      const cpu = user + sys;
      const n = perBatch * clients;
      // Stored files removed (untimed) so gigabytes in the page cache do not slow later batches.
      await rm(side.dir, { recursive: true, force: true });
      await mkdir(side.dir, { recursive: true });
      const mib = (size * n) / 2 ** 20;
      (totals.get(side.name) ?? totals.set(side.name, []).get(side.name)!).push(cpu / mib);
      console.log(JSON.stringify({ round, side: side.name, wallMsPerUpload: +(ms / n).toFixed(2), cpuMsPerUpload: +(cpu / n).toFixed(2), cpuMsPerMiB: +(cpu / mib).toFixed(3), sysMsPerUpload: +(sys / n).toFixed(2), ...(gcAfter ? { gc: gcDelta(gcBefore!, gcAfter) } : {}) }));
    }
  }
  for (const [name, values] of totals) console.log(`${name}: cpu ms/MiB ${values.map((v) => v.toFixed(3)).join(' ')}`);
} finally {
  for (const side of sides) await side.cleanup().catch(() => undefined);
  await rm(work, { recursive: true, force: true });
}
