// Side by side, per small upload: two builds of the product (this tree's dist and another tree's,
// given as argv[2]), each in its own process on its own fresh database, 1 KiB CSV uploads one after
// another, batches alternating A B, B A, ... Reports wall ms and server CPU ms (utime + stime from
// /proc/<pid>/stat) per upload, per batch. node bench/micro/tiny-upload-ab.ts /path/to/other/tree
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { processCpuMs, startChildServer } from '../lib/child-server.ts';
import { createBenchDatabase } from '../lib/database.ts';
import { createLink } from '../lib/servers.ts';
import { productTarget, uploadBatch } from '../lib/uploader.ts';

const trees = { A: path.resolve('.'), B: path.resolve(process.argv[2] ?? '.') };
const perBatch = Number(process.argv[3] ?? 200);
const sides = [];
for (const [name, root] of Object.entries(trees)) {
  const dir = await mkdtemp(path.join(tmpdir(), `ab-${name}-`));
  const db = await createBenchDatabase('postgres://postgres@127.0.0.1:5432/postgres');
  const adminToken = 'a'.repeat(40);
  const server = await startChildServer({
    name, cwd: root, args: [path.join(root, 'dist', 'main.js')], readyPath: '/readyz', timeoutMs: 120_000,
    env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', DATABASE_URL: db.url, DATA_DIR: dir, ADMIN_TOKEN: adminToken, STORAGE_DRIVER: 'local',
      RATE_LIMIT_UPLOADS_PER_MINUTE: '0', RATE_LIMIT_PUBLIC_PER_MINUTE: '0', ORPHAN_SWEEP_INTERVAL_SECONDS: '0' },
  });
  const target = productTarget(server.url, (await createLink(server, adminToken)).linkToken);
  await uploadBatch(target, 1024, 1, 100);
  sides.push({ name, root, dir, db, server, target });
}
try {
  for (let round = 0; round < 6; round++) {
    for (const side of round % 2 ? [...sides].reverse() : sides) {
      const before = await processCpuMs(side.server.pid);
      const { ms } = await uploadBatch(side.target, 1024, 1, perBatch);
      const cpu = (await processCpuMs(side.server.pid)) - before;
      console.log(JSON.stringify({ round, side: side.name, wallMsPerUpload: +(ms / perBatch).toFixed(2), cpuMsPerUpload: +(cpu / perBatch).toFixed(2) }));
    }
  }
} finally {
  for (const side of sides) { await side.server.stop(); await side.db.drop(); await rm(side.dir, { recursive: true, force: true }); }
}
