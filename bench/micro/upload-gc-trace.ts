// Which collections run while a server receives 100 MB uploads, and what they cost: the product (this
// tree's dist, started as the bench starts it) or the bare baseline, under --trace-gc-nvp, its stdout
// kept in a file; after the warm-up the trace is cut and N uploads are sent, then the per-kind totals
// (scavenge / mark-compact ...) and the reasons V8 printed are summed.
//   node bench/micro/upload-gc-trace.ts product|baseline [uploads] [extra node flags...]
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/helpers/ports.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { compileBaselines, compiled, createLink, PRODUCT_NODE_FLAGS } from '../lib/servers.ts';
import { baselineTarget, productTarget, uploadBatch } from '../lib/uploader.ts';

const which = process.argv[2] ?? 'product';
const uploads = Number(process.argv[3] ?? 3);
const extra = process.argv.slice(4);
const size = 100 * 1024 * 1024;
const work = await mkdtemp(path.join(tmpdir(), 'gc-trace-'));
const log = path.join(work, 'trace.log');
const out = createWriteStream(log);
const port = await freePort();
const url = `http://127.0.0.1:${port}`;
const db = which === 'product' ? await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres') : undefined;
await compileBaselines(work);
const script = which === 'product' ? path.resolve('dist/main.js') : compiled('upload-server');
const adminToken = 'a'.repeat(40);
const child = spawn(process.execPath, [process.env['GC_TRACE_FLAG'] ?? '--trace-gc-nvp', ...(which === 'product' ? PRODUCT_NODE_FLAGS : []), ...extra, script], {
  env: { PATH: process.env['PATH'] ?? '', TMPDIR: process.env['TMPDIR'] ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), BENCH_DIR: work,
    NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db?.url ?? '', DATA_DIR: work, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
    RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  cwd: work,
  stdio: ['ignore', 'pipe', 'inherit'],
});
child.stdout.pipe(out);
try {
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}${which === 'product' ? '/readyz' : '/'}`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600) throw new Error('not ready');
    await new Promise((r) => setTimeout(r, 100));
  }
  const target = which === 'product'
    ? productTarget(url, (await createLink({ url } as never, adminToken)).linkToken)
    : baselineTarget(url);
  await uploadBatch(target, size, 1, 3);
  await new Promise((r) => setTimeout(r, 500));
  if (process.env['SNAPSHOT']) {
    // --heapsnapshot-signal=SIGUSR2 among the extra flags: what the warm process holds.
    child.kill('SIGUSR2');
    for (let i = 0; i < 600 && !(await readdir(work)).some((f) => f.endsWith('.heapsnapshot')); i++) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3000));
    console.log(`snapshot in ${work}`);
  }
  const mark = (await readFile(log, 'utf8')).length;
  const cpu0 = await cpuMs(child.pid!);
  await uploadBatch(target, size, 1, uploads);
  const cpu = (await cpuMs(child.pid!)) - cpu0;
  await new Promise((r) => setTimeout(r, 300));
  const lines = (await readFile(log, 'utf8')).slice(mark).split('\n').filter((l) => l.includes('gc=') || l.includes(' ms: '));
  const kinds = new Map<string, { n: number; pause: number; reasons: Map<string, number> }>();
  let maxTotal = 0;
  for (const line of lines) {
    const f = Object.fromEntries(line.split(/\s+/).map((kv) => kv.split('=')).filter((kv) => kv.length === 2)) as Record<string, string>;
    const kind = f['gc'] ?? '?';
    const k = kinds.get(kind) ?? kinds.set(kind, { n: 0, pause: 0, reasons: new Map() }).get(kind)!;
    k.n++;
    k.pause += Number(f['pause'] ?? 0);
    maxTotal = Math.max(maxTotal, Number(f['total_size_before'] ?? 0));
    const reason = f['reason'] ?? '';
    k.reasons.set(reason, (k.reasons.get(reason) ?? 0) + 1);
  }
  console.log(JSON.stringify({ which, extra, uploads, cpuMsPerMiB: +(cpu / (uploads * 100)).toFixed(3), maxHeapBefore: maxTotal,
    kinds: Object.fromEntries([...kinds].map(([k, v]) => [k, { n: v.n, pauseMs: +v.pause.toFixed(1), reasons: Object.fromEntries(v.reasons) }])) }));
  if (process.env['KEEP_TRACE']) console.log(`trace: ${log}`), console.log(lines.slice(0, 12).join('\n'));
} finally {
  child.kill('SIGTERM');
  await new Promise((r) => child.once('exit', r));
  await db?.drop();
  if (!process.env['KEEP_TRACE']) await rm(work, { recursive: true, force: true });
}

async function cpuMs(pid: number): Promise<number> {
  const f = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  return ((Number(f[11]) + Number(f[12])) * 1000) / 100;
}
