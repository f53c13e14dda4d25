// Counts the statements (database round trips) one small upload costs, on the built server:
// node bench/micro/upload-round-trips.ts. Uses the bench's own server launcher and a fresh database.
// With --tus: the statements of one tus upload of 24 MiB in 8 MiB PATCHes (the creation, three
// PATCHes, the finish), in the order sent.
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createBenchDatabase } from '../lib/database.ts';
import { createLink, startProduct } from '../lib/servers.ts';
import { productTarget, uploadOnce } from '../lib/uploader.ts';
import { csvBody } from '../lib/csv-body.ts';
import { MIB } from '../lib/stats.ts';
import { tusUploadOnce } from '../scenarios/tus-throughput.ts';

const dir = await mkdtemp(path.join(tmpdir(), 'round-trips-'));
const countFile = path.join(dir, 'queries.json');
const db = await createBenchDatabase(process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
const settings = { databaseUrl: db.url, dataDir: dir, adminToken: 'a'.repeat(40), nodeFlags: ['--import', path.resolve('bench/micro/count-queries.preload.mjs')] };
const server = await startProduct(settings);
try {
  const linkToken = (await createLink(server, settings.adminToken)).linkToken;
  const target = productTarget(server.url, linkToken);
  for (let i = 0; i < 5; i++) await uploadOnce(target, 1024);
  const drain = async () => {
    process.kill(server.pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 300));
    return JSON.parse(await readFile(countFile, 'utf8')) as string[];
  };
  await drain();
  if (process.argv.includes('--tus')) {
    const chunks: Buffer[] = [];
    for await (const chunk of csvBody(24 * MIB)) chunks.push(chunk as Buffer);
    await tusUploadOnce({ label: 'product-tus', baseUrl: server.url, creationPath: `/upload/${linkToken}/tus` }, Buffer.concat(chunks), 8 * MIB);
    const queries = (await drain()).filter((q) => !/pgboss|webhook_deliveries/.test(q));
    console.log(`one tus upload of 24 MiB in 8 MiB PATCHes: ${queries.length} statements (background jobs left out)`);
    for (const q of queries) console.log('  ' + q);
  } else {
    const n = 20;
    const t = performance.now();
    for (let i = 0; i < n; i++) await uploadOnce(target, 1024);
    const ms = (performance.now() - t) / n;
    const queries = await drain();
    console.log(`${n} uploads of 1 KiB: ${queries.length / n} statements each, ${ms.toFixed(1)} ms per upload (sequential)`);
    const perUpload = queries.slice(0, queries.length / n);
    for (const q of perUpload) console.log('  ' + q);
  }
} finally {
  await server.stop();
  await db.drop?.();
  await rm(dir, { recursive: true, force: true });
}
