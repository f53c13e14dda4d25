// `npm run bench`: the product against bare baselines on the same machine, alternating rounds.
// Writes bench/results/<timestamp>.json (raw figures) and BENCHMARKS.md (the report). Options:
//   --rounds N   timed rounds per scenario (default 7; use at least 5 for a report)
//   --profile    always profile the upload path (by default only when an upload ratio misses the goal)
//   --quick      a smoke run: one round, 1 MB uploads only, 100,000 links, short load runs; no
//                download, memory or profile (their sections say "not measured")
//   --only-upload  runs only the upload throughput scenario and prints its figures (no report written)
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createBenchDatabase, serverVersion } from './lib/database.ts';
import { gitRevision, machineInfo } from './lib/machine.ts';
import { compileBaselines, createLink, REPO_ROOT, startDownloadBaseline, startListBaseline, startProduct, startRecordFloor, startTusBaseline, startUploadBaseline } from './lib/servers.ts';
import { MIB } from './lib/stats.ts';
import { baselineTarget, floorTarget, productTarget, uploadOnce } from './lib/uploader.ts';
import { evaluateGoals } from './report/goals.ts';
import { renderMarkdown } from './report/markdown.ts';
import type { BenchResults } from './report/results.ts';
import { CONTENTION_HIGH_LIMIT, runContention } from './scenarios/contention.ts';
import { runGcsThroughput } from './scenarios/gcs-throughput.ts';
import { runDownload } from './scenarios/download.ts';
import { runLinkListing } from './scenarios/link-listing.ts';
import { runStartup } from './scenarios/startup.ts';
import { runMemory } from './scenarios/memory.ts';
import { runUploadProfile } from './scenarios/upload-profile.ts';
import { runUploadThroughput } from './scenarios/upload-throughput.ts';
import { runWebhooks } from './scenarios/webhooks.ts';
import { runTusThroughput } from './scenarios/tus-throughput.ts';

const { values } = parseArgs({
  options: {
    rounds: { type: 'string' },
    profile: { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    // Runs only the webhook scenario and prints its figures (no report written): a cheap check.
    'only-webhooks': { type: 'boolean', default: false },
    // Runs only the upload throughput scenario (product, bare baseline, durable-record floor) and prints its figures.
    'only-upload': { type: 'boolean', default: false },
  },
});
const quick = values.quick;
const rounds = Number(values.rounds ?? (quick ? '1' : '7'));
// Load runs are long (seconds each) and many: fewer rounds than the upload batches.
const listing = quick
  ? { count: 100_000, rounds: 1, seconds: 2, warmupSeconds: 1, settleMs: 1500 }
  : { count: 1_000_000, rounds: Math.min(rounds, 3), seconds: 5, warmupSeconds: 10 };
if (!Number.isInteger(rounds) || rounds < 1) throw new Error('--rounds must be a positive whole number');

const started = performance.now();
const log = (line: string) => process.stderr.write(`[bench +${((performance.now() - started) / 1000).toFixed(0)}s] ${line}\n`);
const cleanups: (() => Promise<unknown>)[] = [];
// A later scenario that throws (e.g. the product answering 503 on an overloaded machine) is recorded
// here and reported, rather than losing the whole run's figures.
const failures: { scenario: string; error: string }[] = [];
async function attempt<T>(scenario: string, run: () => Promise<T>): Promise<T | undefined> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] ?? String(error) : String(error);
    log(`${scenario} failed: ${message}`);
    failures.push({ scenario, error: message });
    return undefined;
  }
}
const cleanUp = async () => {
  for (const step of cleanups.splice(0).reverse()) await step().catch((error: unknown) => log(`clean-up step failed: ${String(error)}`));
};
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));

const adminUrl = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const machine = machineInfo(await serverVersion(adminUrl));
const workRoot = await mkdtemp(path.join(os.tmpdir(), 'intake-bench-'));
cleanups.push(() => rm(workRoot, { recursive: true, force: true }));
const db = await createBenchDatabase(adminUrl);
cleanups.push(() => db.drop());
log(`database ${db.name}, files under ${workRoot}, ${rounds} rounds per scenario`);

try {
  const adminToken = randomBytes(32).toString('hex');
  const settings = { databaseUrl: db.url, dataDir: path.join(workRoot, 'product'), adminToken };
  const webhookOptions = quick ? { ratePerSecond: 50, seconds: 4, webhooks: 10, uploads: 50 } : { ratePerSecond: 50, seconds: 20, webhooks: 20, uploads: 250 };
  if (values['only-webhooks']) {
    const webhooks = await runWebhooks(settings, webhookOptions, log);
    process.stdout.write(`${JSON.stringify(webhooks, null, 2)}\n`);
    await cleanUp();
    process.exit(0);
  }
  await compileBaselines(workRoot);
  const baselineDir = path.join(workRoot, 'baseline');
  await mkdir(baselineDir, { recursive: true });

  const product = await startProduct(settings);
  cleanups.push(() => product.stop());
  const uploadBaseline = await startUploadBaseline(baselineDir);
  cleanups.push(() => uploadBaseline.stop());
  // The durable-record floor: its own folder (incoming/ and objects/) and its own tables in the bench's database.
  const floorDir = path.join(workRoot, 'floor');
  const floorToken = randomBytes(24).toString('base64url');
  const recordFloor = await startRecordFloor(floorDir, db.url, floorToken);
  cleanups.push(() => recordFloor.stop());
  const link = await createLink(product, adminToken);
  log('servers up');

  const objectsRoot = path.join(settings.dataDir, 'files', 'objects');
  // Removes the stored files behind the servers' backs (none reads them back here); the floor's two
  // folders are made again, as it expects them.
  const clearStorage = async () => {
    await rm(path.join(objectsRoot, 'uploads'), { recursive: true, force: true });
    await rm(baselineDir, { recursive: true, force: true });
    await mkdir(baselineDir, { recursive: true });
    await rm(floorDir, { recursive: true, force: true });
    for (const folder of ['incoming', 'objects']) await mkdir(path.join(floorDir, folder), { recursive: true });
  };
  const target = { ...productTarget(product.url, link.linkToken), cpuMs: () => product.cpuMs() };
  const baseTarget = { ...baselineTarget(uploadBaseline.url), cpuMs: () => uploadBaseline.cpuMs() };
  const floorSide = { ...floorTarget(recordFloor.url, floorToken), cpuMs: () => recordFloor.cpuMs() };
  const upload = await runUploadThroughput(target, baseTarget, rounds, clearStorage, log, quick, floorSide);
  await uploadBaseline.stop();
  await recordFloor.stop();
  if (values['only-upload']) {
    process.stdout.write(`${JSON.stringify(upload, null, 2)}\n`);
    log(`upload scenario only; total time ${Math.round((performance.now() - started) / 1000)} s`);
    await cleanUp();
    process.exit(0);
  }

  // tus: @tus/server + @tus/file-store against our tus route and our raw route, the same file each.
  const tusBaseline = await startTusBaseline(baselineDir);
  cleanups.push(() => tusBaseline.stop());
  const tusTargets = {
    baseline: { label: 'tus-baseline' as const, baseUrl: tusBaseline.url, creationPath: '/files' },
    product: { label: 'product-tus' as const, baseUrl: product.url, creationPath: `/upload/${link.linkToken}/tus` },
  };
  const tus = await runTusThroughput(tusTargets, target, (quick ? 32 : 100) * MIB, quick ? 1 : Math.min(rounds, 5), clearStorage, log);
  await tusBaseline.stop();
  await clearStorage();

  let download;
  if (!quick) {
    const downloadBaseline = await startDownloadBaseline(objectsRoot);
    cleanups.push(() => downloadBaseline.stop());
    const { id: largeId } = await uploadOnce(target, 100 * MIB);
    if (!largeId) throw new Error('the product answered a 100 MB upload without an id');
    download = await runDownload(product, downloadBaseline, link, largeId, objectsRoot, 100 * MIB, rounds);
    log(`download 100 MB: total ratio ${download.total.ratio.median.toFixed(2)}, ttfb product ${download.ttfb.product.median.toFixed(1)} ms, baseline ${download.ttfb.baseline.median.toFixed(1)} ms`);
    await downloadBaseline.stop();
  }

  // A second product on the same database with the shared PostgreSQL rate-limit store on and every
  // limit far above what the scenario sends: the store is consulted on every request, nothing refused.
  const high = String(CONTENTION_HIGH_LIMIT);
  const storeProduct = await startProduct({
    ...settings,
    dataDir: path.join(workRoot, 'product-pgstore'),
    env: { RATE_LIMIT_STORE: 'postgres', RATE_LIMIT_UPLOADS_PER_MINUTE: high, RATE_LIMIT_PUBLIC_PER_MINUTE: high, RATE_LIMIT_API_PER_MINUTE: high },
  });
  cleanups.push(() => storeProduct.stop());
  const storeLink = await createLink(storeProduct, adminToken);
  const contention = await runContention({ server: product, ws: link }, { server: storeProduct, ws: storeLink }, db.url, quick ? 1 : 3);
  await storeProduct.stop();
  log(
    `contention: ${contention.uploads} concurrent uploads to one link, ${contention.acceptedPerSecond.product.median.toFixed(0)} accepted/s limits off, ` +
      `${contention.acceptedPerSecond.baseline.median.toFixed(0)} accepted/s PostgreSQL store on, lost ${contention.lost}`,
  );
  await clearStorage();

  const listBaseline = await startListBaseline(db.url);
  cleanups.push(() => listBaseline.stop());
  const startTraced = async () => {
    // --trace-gc for its GC pauses, and the statement counter of bench/micro (every pg query, dumped on SIGUSR2).
    const dataDir = path.join(workRoot, 'product-gc');
    const preload = path.join(REPO_ROOT, 'bench', 'micro', 'count-queries.preload.mjs');
    const tracedProduct = await startProduct({ ...settings, dataDir, nodeFlags: ['--trace-gc', '--import', preload] });
    cleanups.push(() => tracedProduct.stop());
    const tracedBaseline = await startListBaseline(db.url, ['--trace-gc']);
    cleanups.push(() => tracedBaseline.stop());
    const statements = async (): Promise<string[]> => {
      const file = path.join(dataDir, 'queries.json');
      await rm(file, { force: true });
      process.kill(tracedProduct.pid, 'SIGUSR2');
      for (let i = 0; i < 50; i++) {
        try {
          return JSON.parse(await readFile(file, 'utf8')) as string[];
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
      throw new Error('the traced product wrote no queries.json');
    };
    return { product: tracedProduct, baseline: tracedBaseline, statements };
  };
  const links = await runLinkListing(product, listBaseline, adminToken, db.url, listing, log, startTraced);
  await listBaseline.stop();
  await product.stop();

  const webhooks = await attempt('webhooks', () => runWebhooks(settings, webhookOptions, log));

  const gcs = await attempt('GCS', () => runGcsThroughput(settings, quick ? 1 : 3, quick, log));

  const startup = await runStartup(settings, quick ? 1 : 5);
  log(`start-up to /readyz with an existing database: ${startup.paths.plain} ${startup.ms.product.median.toFixed(0)} ms, ${startup.paths.docker} ${startup.ms.baseline.median.toFixed(0)} ms`);

  const memory = quick ? undefined : await attempt('memory', () => runMemory(settings, workRoot, Math.min(rounds, 5), log));

  const goals = evaluateGoals(upload, memory, links, tus, contention);
  let profile;
  if (!quick && (values.profile || !goals.upload.met)) {
    log(values.profile ? 'profiling the upload path (--profile)' : 'an upload ratio misses the goal: profiling the upload path');
    profile = await attempt('profile', () => runUploadProfile(settings, workRoot));
    for (const server of profile?.servers ?? []) log(`profile ${server.label}: 3 x 100 MB in ${server.large.wallMs.toFixed(0)} ms, main thread busy ${server.large.busyMs.toFixed(0)} ms`);
  }

  const results: BenchResults = {
    machine,
    revision: gitRevision(REPO_ROOT),
    rounds,
    quick,
    durationSeconds: Math.round((performance.now() - started) / 1000),
    upload,
    tus,
    download,
    memory,
    contention,
    links,
    startup,
    gcs,
    profile,
    webhooks,
    goals,
    failures,
  };
  const stamp = machine.date.replace(/[:.]/g, '-');
  const resultsFile = path.join(REPO_ROOT, 'bench', 'results', `${stamp}.json`);
  await writeFile(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
  await writeFile(path.join(REPO_ROOT, 'BENCHMARKS.md'), renderMarkdown(results, path.relative(REPO_ROOT, resultsFile)));
  const total = Math.round((performance.now() - started) / 1000);
  log(`wrote ${path.relative(REPO_ROOT, resultsFile)} and BENCHMARKS.md; total time ${Math.floor(total / 60)} min ${total % 60} s (${total} s)`);
} finally {
  await cleanUp();
}
