// Where a 100 MB upload's server time goes, tus route (one PATCH) against the raw route, on the same
// build and the same bytes: one product process per route, `node --cpu-prof`, a warm-up, then
// `count` uploads inside a window; prints busy/GC/idle time and the top frames in that window, the
// server's CPU from /proc, and, with --strace, the write/fsync syscalls the uploads made
// (strace attached to the running server after its warm-up).
// node bench/micro/tus-vs-raw-profile.ts [dist] [tus|tus8|raw|base|base8|both|all, or a comma list] [count] [--strace]
// (tus8, base8: 8 MiB PATCHes, as the upload page sends)
// (base: @tus/server + @tus/file-store, bench/baselines/tus-server.ts, for the same figures)
// The product starts with the documented launch flags (PRODUCT_NODE_FLAGS), the baseline with Node's defaults.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startChildServer } from '../lib/child-server.ts';
import { PRODUCT_NODE_FLAGS } from '../lib/servers.ts';
import { summarizeProfile } from '../lib/cpu-profile.ts';
import { csvBody } from '../lib/csv-body.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { createLink } from '../lib/servers.ts';
import { uploadOnce, productTarget } from '../lib/uploader.ts';
import { tusUploadOnce } from '../scenarios/tus-throughput.ts';

const dist = path.resolve(process.argv[2] ?? 'dist');
const which = process.argv[3] ?? 'both';
const count = Number(process.argv[4] ?? 3);
const withStrace = process.argv.includes('--strace');
const size = 100 * 1024 * 1024;
const readAll = async () => {
  const chunks: Buffer[] = [];
  for await (const chunk of csvBody(size)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
const nowUs = () => Number(process.hrtime.bigint() / 1000n);

for (const route of which === 'both' ? ['tus', 'raw'] : which === 'all' ? ['base', 'tus', 'raw'] : which.split(',')) {
  const dir = await mkdtemp(path.join(tmpdir(), `prof-${route}-`));
  const profDir = await mkdtemp(path.join(tmpdir(), `cpuprof-${route}-`));
  const db = route.startsWith('base') ? { url: '', drop: async () => undefined } : await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
  const adminToken = 'a'.repeat(40);
  const server = route.startsWith('base')
    ? await startChildServer({ name: 'base', cwd: path.resolve('.'), args: ['--cpu-prof', `--cpu-prof-dir=${profDir}`, '--import', path.resolve('bench/lib/exit-on-sigterm.ts'), path.resolve('bench/baselines/tus-server.ts')], env: { BENCH_DIR: dir, NODE_ENV: 'production' }, readyPath: '/' })
    : await startChildServer({
    name: route, cwd: path.resolve('.'), args: [...PRODUCT_NODE_FLAGS, '--cpu-prof', `--cpu-prof-dir=${profDir}`, path.join(dist, 'main.js')], readyPath: '/readyz', timeoutMs: 120_000,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', RATE_LIMIT_API_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  });
  const link = route.startsWith('base') ? { linkToken: '' } : await createLink(server, adminToken);
  const tusTarget = route.startsWith('base')
    ? { label: 'tus-baseline' as const, baseUrl: server.url, creationPath: '/files' }
    : { label: 'product-tus' as const, baseUrl: server.url, creationPath: `/upload/${link.linkToken}/tus` };
  const rawTarget = productTarget(server.url, link.linkToken);
  const patchBytes = route.endsWith('8') ? 8 * 1024 * 1024 : size;
  const once = async () => {
    if (route !== 'raw') await tusUploadOnce(tusTarget, await readAll(), patchBytes);
    else await uploadOnce(rawTarget, size);
  };
  for (let i = 0; i < 3; i++) await once(); // warm-up
  let strace: ReturnType<typeof spawn> | undefined;
  const straceOut = path.join(profDir, 'strace.txt');
  if (withStrace) {
    strace = spawn('strace', [...(process.env['STRACE_RAW'] ? [] : ['-c']), '-f', '-tt', '-T', '-e', process.env['STRACE_TRACE'] ?? 'trace=write,writev,pwrite64,pwritev,fsync,fdatasync,read,readv', '-o', straceOut, '-p', String(server.pid)], { stdio: 'ignore' });
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  let wall = 0;
  const cpu0 = await server.cpuMs();
  const start = nowUs();
  for (let i = 0; i < count; i++) {
    if (route !== 'raw') {
      const file = await readAll();
      const t = performance.now();
      await tusUploadOnce(tusTarget, file, patchBytes);
      wall += performance.now() - t;
    } else {
      const t = performance.now();
      await uploadOnce(rawTarget, size);
      wall += performance.now() - t;
    }
  }
  const end = nowUs();
  const cpu = (await server.cpuMs()) - cpu0;
  if (strace) {
    strace.kill('SIGINT');
    await new Promise((resolve) => strace!.once('exit', resolve));
  }
  await server.stop();
  const file = (await readdir(profDir)).find((name) => name.endsWith('.cpuprofile'))!;
  const summary = await summarizeProfile(path.join(profDir, file), start, end, 25);
  console.log(`\n=== ${route}: ${count} x 100 MiB; wall of uploads ${Math.round(wall)} ms (${Math.round(wall / count)} per upload), server CPU ${cpu} ms (${Math.round(cpu / count)} per upload)`);
  console.log(`window ${Math.round(summary.windowMs)} ms, main thread busy ${Math.round(summary.busyMs)} ms, idle ${Math.round(summary.idleMs)} ms`);
  console.log('areas:'); for (const a of summary.areas.slice(0, 14)) console.log(`  ${a.ms.toFixed(0).padStart(6)} ms ${(a.share * 100).toFixed(1).padStart(5)}%  ${a.area}`);
  console.log('self:'); for (const f of summary.topSelf) console.log(`  ${f.ms.toFixed(0).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.frame}`);
  console.log('inclusive:'); for (const f of summary.topInclusive) console.log(`  ${f.ms.toFixed(0).padStart(6)} ms ${(f.share * 100).toFixed(1).padStart(5)}%  ${f.frame}`);
  if (withStrace) { const text = await readFile(straceOut, 'utf8'); if (process.env['STRACE_RAW']) await import('node:fs').then((fs) => fs.writeFileSync(`.cache/scratch/strace-${route}.txt`, text)); else console.log(text); }
  await db.drop();
  await rm(dir, { recursive: true, force: true });
  if (process.env["KEEP_PROFILE"]) console.log("profile kept:", path.join(profDir, file)); else await rm(profDir, { recursive: true, force: true });
}
