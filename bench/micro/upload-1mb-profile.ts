// Where a small upload's server CPU goes: one product process (this tree's dist, with the bench's
// environment but only the node flags of PROFILE_FLAGS, e.g. "--cpu-prof --cpu-prof-dir=/tmp/p
// --trace-gc", so it also runs without the production flags), a warm-up, then windows one after
// another: REPEAT_1MIB x (COUNT uploads of SIZE bytes, default 48 x 1 MiB), then 200 x 1 KiB and
// 3 x 100 MiB (left out with ONLY_1MIB=1). Per window: server CPU per upload from /proc/<pid>/stat
// and, exactly, from every thread's schedstat; utime/stime per thread name (main, V8Worker =
// concurrent marking, libuv-worker = file writes); the --trace-gc lines inside it, counted by kind;
// its hrtime bounds, to cut a .cpuprofile to it (bench/lib/cpu-profile.ts).
// Warm-up: WARMUP x 1 MiB (default 200), or with BENCH_WARMUP=1 the upload scenario's own
// (4 x 100 MB twice, ...): large uploads grow V8's young generation, which is what changes the GC
// of the small uploads after them. PRINT_GC=<window label> prints that window's trace; PAUSE_MS
// prints the pid and waits before the windows (to attach strace or perf).
//   BENCH_WARMUP=1 PROFILE_FLAGS=--trace-gc node bench/micro/upload-1mb-profile.ts
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processCpuMs } from '../lib/child-server.ts';
import { freePort } from '../../test/helpers/ports.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { createLink } from '../lib/servers.ts';
import { productTarget, uploadBatch } from '../lib/uploader.ts';
import { WARMUP } from '../scenarios/upload-throughput.ts';

const MIB = 2 ** 20;
const warmup = Number(process.env['WARMUP'] ?? 200);
const count = Number(process.env['COUNT'] ?? 48);
const flags = (process.env['PROFILE_FLAGS'] ?? '').split(' ').filter(Boolean);
const root = path.resolve(process.env['TREE'] ?? '.');
/** Exact on-CPU time (ms) of the live threads, from /proc/<pid>/task/<tid>/schedstat (ns), not sampled per tick. */
const runtimeMs = async (pid: number) => {
  let ns = 0;
  for (const tid of await readdir(`/proc/${pid}/task`)) ns += Number((await readFile(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').catch(() => '0')).split(' ')[0]);
  return ns / 1e6;
};
/** utime and stime (ms) per thread name (the main thread is the one whose tid is the pid). */
const threadsMs = async (pid: number) => {
  const by: Record<string, [number, number]> = {};
  for (const tid of await readdir(`/proc/${pid}/task`)) {
    const stat = await readFile(`/proc/${pid}/task/${tid}/stat`, 'utf8').catch(() => '');
    if (!stat) continue;
    const name = tid === String(pid) ? 'main' : stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replace(/\d+$/, '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const t = (by[name] ??= [0, 0]);
    t[0] += Number(fields[11]) * 10;
    t[1] += Number(fields[12]) * 10;
  }
  return by;
};
const threadDelta = (a: Record<string, [number, number]>, b: Record<string, [number, number]>, n: number) =>
  Object.fromEntries(Object.keys(b).map((k) => [k, `${((b[k]![0] - (a[k]?.[0] ?? 0)) / n).toFixed(2)}u+${((b[k]![1] - (a[k]?.[1] ?? 0)) / n).toFixed(2)}s`]));

const dir = await mkdtemp(path.join(tmpdir(), 'prof1mb-'));
const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
const port = await freePort();
const adminToken = 'a'.repeat(40);
const child = spawn(process.execPath, [...flags, path.join(root, 'dist', 'main.js')], {
  cwd: root,
  env: { PATH: process.env['PATH'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '/tmp', HOST: '127.0.0.1', PORT: String(port),
    NODE_ENV: 'production', LOG_LEVEL: process.env['PROFILE_LOG_LEVEL'] ?? 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  stdio: ['ignore', 'pipe', 'pipe'],
});
let out = '';
child.stdout.on('data', (c: Buffer) => (out += c.toString()));
child.stderr.on('data', (c: Buffer) => (out += c.toString()));
const url = `http://127.0.0.1:${port}`;
for (;;) {
  try {
    if ((await fetch(`${url}/readyz`)).status === 200) break;
  } catch { /* not yet */ }
  await new Promise((r) => setTimeout(r, 100));
}
const server = { url, pid: child.pid! };
const target = productTarget(url, (await createLink(server as never, adminToken)).linkToken);

function gcIn(text: string) {
  const kinds = new Map<string, { n: number; ms: number }>();
  for (const line of text.split('\n')) {
    const m = /: (Scavenge|Mark-Compact|Mark-Sweep|Minor Mark-Sweep|Mark-sweep)\b.*? MB, (?:pooled: [\d.]+ MB, )?([\d.]+) \/ [\d.]+ ms(.*)$/.exec(line);
    if (!m) continue;
    const key = `${m[1]}${/reason: ([^)]*)/.exec(m[3] ?? '')?.[1] ? ` (${/reason: ([^)]*)/.exec(m[3] ?? '')![1]})` : ''}`;
    const k = kinds.get(key) ?? { n: 0, ms: 0 };
    k.n++;
    k.ms += Number(m[2]);
    kinds.set(key, k);
  }
  return Object.fromEntries([...kinds].map(([k, v]) => [k, { n: v.n, ms: +v.ms.toFixed(1) }]));
}

try {
  // BENCH_WARMUP=1: the upload scenario's own warm-up (4 x 100 MB twice, 4 x 4 x 10 MB, 4 x 12 x 1 MB).
  if (process.env['BENCH_WARMUP']) for (const [size, clients, perClient] of WARMUP) await uploadBatch(target, size, clients, perClient);
  else await uploadBatch(target, MIB, 1, warmup);
  // WARMUP_100=n: then n sequential 100 MiB uploads (what the profile scenario runs before its 1 MB window).
  if (process.env['WARMUP_100']) await uploadBatch(target, 100 * MIB, 1, Number(process.env['WARMUP_100']));
  // A hook for outside tools (strace -p, perf -p): the pid, then a pause before the windows.
  if (process.env['PAUSE_MS']) {
    console.log(JSON.stringify({ pid: server.pid }));
    await new Promise((r) => setTimeout(r, Number(process.env['PAUSE_MS'])));
  }
  await new Promise((r) => setTimeout(r, 500));
  const repeat = Number(process.env['REPEAT_1MIB'] ?? 1);
  const size1 = Number(process.env['SIZE'] ?? MIB);
  const windows = [...Array.from({ length: repeat }, () => [`${size1 / MIB} MiB`, size1, count] as const), ['1 KiB', 1024, 200] as const, ['100 MiB', 100 * MIB, 3] as const];
  for (const [label, size, n] of process.env['ONLY_1MIB'] ? windows.slice(0, repeat) : windows) {
    const mark = out.length;
    const startUs = Number(process.hrtime.bigint() / 1000n);
    const threadsBefore = await threadsMs(server.pid);
    const before = await processCpuMs(server.pid);
    const runBefore = await runtimeMs(server.pid);
    const { ms } = await uploadBatch(target, size, 1, n);
    const cpu = (await processCpuMs(server.pid)) - before;
    const run = (await runtimeMs(server.pid)) - runBefore;
    const threads = threadDelta(threadsBefore, await threadsMs(server.pid), n);
    const endUs = Number(process.hrtime.bigint() / 1000n);
    const hwm = Number(/VmHWM:\s+(\d+) kB/.exec(await readFile(`/proc/${server.pid}/status`, 'utf8'))?.[1]) / 1024;
    console.log(JSON.stringify({ label, n, startUs, endUs, peakRssMiB: +hwm.toFixed(1), wallMsPerUpload: +(ms / n).toFixed(2), cpuMsPerUpload: +(cpu / n).toFixed(2), schedMsPerUpload: +(run / n).toFixed(2), threads, gc: gcIn(out.slice(mark)) }));
    if (process.env['PRINT_GC'] === label) console.log(out.slice(mark));
    await new Promise((r) => setTimeout(r, 500));
  }
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db.drop();
  await rm(dir, { recursive: true, force: true });
}
