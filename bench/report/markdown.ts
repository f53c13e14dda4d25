import { CPU_GOAL, TUS_GOAL, UPLOAD_GOAL } from './goals.ts';
import { f0, f1, f2, mib, range, signedMib, table } from './format.ts';
import { renderGoals } from './goals-section.ts';
import { renderGcs } from './gcs-section.ts';
import { renderProfile } from './profile-section.ts';
import { listingMethod, renderListing } from './listing-section.ts';
import { renderWebhooks } from './webhook-section.ts';
import { renderRaw } from './raw-section.ts';
import { renderFloor } from './floor-section.ts';
import type { BenchResults } from './results.ts';
import { SMALL_WARMUP } from '../scenarios/memory.ts';
import { QUICK_WARMUP, WARMUP } from '../scenarios/upload-throughput.ts';

// Renders BENCHMARKS.md from one run's results. Every figure in it comes from `results`.

export function renderMarkdown(r: BenchResults, resultsFile: string): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${m.date} (${r.durationSeconds} s); regenerate rather than edit. Raw figures: [\`${resultsFile}\`](${resultsFile}).`,
    '',
    (r.quick ? '**This is a `--quick` smoke run: one round, small sizes; its figures are not a report.** ' : '') +
    '`npm run bench` builds, then runs `bench/run.ts` (options after `--`: `--rounds N`, default 7; `--profile` to profile the ' +
      'upload path even when the goals are met; `--quick` for a smoke run: one round, 1 MB uploads only, 100,000 links, 2 s load runs, ' +
      'no download, memory or profile). It needs a PostgreSQL it may create and drop a database on: ' +
      '`BENCH_POSTGRES_URL`, default `postgres://postgres@127.0.0.1:5432/postgres`. Temporary files go under `$TMPDIR`.',
    '',
    table(['Machine', ''], [
      ['CPU', `${m.cpus} cores, ${m.cpuModel} (shared machine; load average at start ${m.loadAverageAtStart.join(', ')})`],
      ['Memory', `${m.memoryGiB} GiB`],
      ['Node', m.node],
      ['OS', m.platform],
      ['PostgreSQL', m.postgres],
      ['Revision', r.revision],
    ]),
    '',
    ...renderGoals(r),
    '## Method',
    '',
    `- **Servers.** The product is the built server as docs/deploy.md starts it, \`${r.startup.paths.plain}\` (its "Node flags" section says why these flags), in its own process: ` + '`NODE_ENV=production`, `LOG_LEVEL=warn`, ' +
      'local storage under a temporary `DATA_DIR`, all three rate limits `0` (`RATE_LIMIT_UPLOADS_PER_MINUTE`, `RATE_LIMIT_PUBLIC_PER_MINUTE`, ' +
      '`RATE_LIMIT_API_PER_MINUTE`: a full run\'s load would otherwise be refused with 429s; the contention scenario measures the shared store on), the orphan sweep off, and a fresh PostgreSQL database on ' +
      '127.0.0.1:5432 created for the run (migrated by the server at start) and dropped at the end. Uploads go to one link ' +
      '(`max_uploads` 10,000) as `text/csv`, so every byte also passes the CSV text check. The baselines are ' +
      '[`bench/baselines/upload-server.ts`](bench/baselines/upload-server.ts) (bare `node:http`: body → SHA-256 → file with ' +
      '`flush: true`, 201 with the hash) and [`bench/baselines/download-server.ts`](bench/baselines/download-server.ts) ' +
      '(bare `node:http`: `fs.createReadStream` piped into the response); beside the upload pair runs the durable-record floor, ' +
      '[`bench/baselines/record-floor-server.ts`](bench/baselines/record-floor-server.ts) (see below). All three are compiled to plain JavaScript at the start of the run ' +
      '(run as `.ts`, Node would load its type stripper into them, ~17 MiB of RSS the product does not carry). All run on the same Node as the bench, on the same disk.',
    '- **Client.** The bench process itself, with `node:http`, a fresh connection per request, the size announced in ' +
      '`Content-Length`. Bodies are CSV generated as they are sent (a ~1 MiB block of rows repeated in 64 KiB views, never a whole ' +
      'file in memory); each upload starts with a row holding a random UUID, so **every upload has unique content** (no duplicates).',
    `- **Rounds.** Each scenario runs one untimed warm-up per side, then timed rounds (uploads and download ${r.rounds}; ` +
      `tus ${r.tus?.comparisons[0]?.rounds.length ?? 0}; memory ${r.memory?.rounds.length ?? 0}; contention ${r.contention.rounds.length}; ` +
      `GCS ${r.gcs?.ran ? (r.gcs.cases[0]?.rounds.length ?? 0) : 0}; link list ${r.links.rest[0]?.rounds.length ?? 0}; start-up ${r.startup.rounds.length}); in each round the product and the ` +
      'baseline run back to back (uploads: with the floor as a third side, see below), and which goes first alternates (P B, B P, …), so a slow spell of the shared 2-core machine ' +
      'falls on both. Figures are the median and the range (min–max) over the rounds; **ratios are product / baseline per round**, ' +
      'then the median and range of those ratios.',
    '- **Upload throughput**: MiB/s = bytes of a round / wall time of the round (first byte sent to last answer received). ' +
      `A round is a batch: ${r.upload.map((u) => `${u.case.name}: ${u.case.clients} × ${u.case.perClient} files`).join('; ')}. ` +
      '1 MB = 1 MiB here, so 100 MB is exactly the accepted maximum (104,857,600 bytes). Before the rounds, each server must ' +
      `return the SHA-256 the client computed for a 3 MiB + 7 B${r.quick ? '' : ' and a 100 MiB'} body, then gets an untimed warm-up of ` +
      `${f2((r.quick ? QUICK_WARMUP : WARMUP).reduce((sum, [size, clients, perClient]) => sum + size * clients * perClient, 0) / 1024 ** 3)} GiB ` +
      '(a fresh product process checks bytes in slower code for its first few hundred MB; the rounds measure the steady state, the ' +
      'profiles below the fresh state). Both sides\' stored files are removed (untimed) before every batch: on this machine, ' +
      'gigabytes written in a row fill the page cache and slow later writes, which would favour whichever case runs late.',
    '- **Durable-record floor** (uploads only): the bare baseline plus exactly what the product\'s guarantees force on any server, ' +
      'and nothing else: (a) before the body is read, one `select` of the link token\'s SHA-256 by primary key in a 100-row table ' +
      '(a refusal comes before the body); (b) body → SHA-256 → a temporary file with `flush: true`, `rename` into place, `fsync` of ' +
      'the folder (nothing half-written under its final name); (c) after that, one committed `insert` of one row (id, link, ' +
      'SHA-256, size, key) into a normal, WAL-logged table (a temp or unlogged table would skip the WAL flush), then 201. `pg` with a ' +
      'pool of 10 (the product\'s) on the run\'s database; PostgreSQL runs with `fsync` and `synchronous_commit` on, so each commit ' +
      'waits for its WAL flush. No framework, validation, audit table or ORM. No server with the product\'s guarantees can do less ' +
      'per upload, so **floor/bare** is the ceiling any product can reach on this machine and **product/floor** what the product ' +
      'itself adds. It runs in the same rounds as the pair, its files removed before every batch like theirs, and the three sides\' ' +
      'order goes through all six orders (P B F, B F P, F P B, F B P, P F B, B P F, then again), so each side runs first, second and ' +
      'third equally often, each pair runs in both orders equally often, and product and baseline still swap every round. Its ratios ' +
      'are per round, like product/bare; its CPU is its own process\'s, PostgreSQL\'s work not included (as for the product).',
    '- **Server CPU per 100 MB**: utime + stime of the server process (all its threads) from `/proc/<pid>/stat`, read just before ' +
      'and just after each timed upload batch, divided by the MiB the batch moved × 100; the ratio is product / baseline per round, ' +
      'as for throughput. It counts the server process only: the product\'s PostgreSQL work (its commit) runs in PostgreSQL\'s ' +
      'processes and is not included; the baseline has none. The goal row judges the 100 MB cases.',
    `- **tus**: [\`bench/baselines/tus-server.ts\`](bench/baselines/tus-server.ts) is @tus/server with @tus/file-store as its README sets it up ` +
      '(no hash, no fsync, no checks, no database). Each tus upload is a creation POST then PATCHes of the whole file (single) or of ' +
      '8 MiB (what the upload page sends above 8 MiB); its body is built in memory before the clock starts, and the time runs from the ' +
      'creation to the last 204. Three pairings, each with one untimed warm-up per side then alternating rounds: our raw route against ' +
      'the baseline\'s single PATCH, our tus route against the baseline in a single PATCH, and in 8 MiB PATCHes. Both sides\' stored ' +
      'files are removed (untimed) before every upload. All three are judged: API clients use the raw route, the upload page the tus one.',
    '- **GCS**: the firebase-tools storage emulator (no Java; started as the tests start it, `test/services/gcs-emulator-child.cjs`), a ' +
      'second product process with `STORAGE_DRIVER=gcs`, `GCS_BUCKET`, `STORAGE_EMULATOR_HOST` pointing at it, against ' +
      '[`bench/baselines/gcs-server.ts`](bench/baselines/gcs-server.ts) (bare `node:http`: body → SHA-256 → ' +
      '`bucket.file(name).createWriteStream()`, a resumable upload like the driver\'s, into the same emulator). The emulator\'s index ' +
      'is reset (untimed) before every batch. The emulator is slow and keeps each upload in memory, so it bounds both sides; ' +
      'the ratio is what the product adds, not a GCS speed.',
    `- **Peak memory**: VmHWM of the server process from \`/proc/<pid>/status\`. VmHWM only grows, so each round starts fresh ` +
      `processes and reads it at start, after ${SMALL_WARMUP} sequential 1 MB uploads (a fresh V8 sizes its heap over the first tens ` +
      'of MB whatever the file size; this is the small-file level), after one 100 MB upload, and after 4 concurrent 100 MB uploads.',
    '- **Download**: the same stored 100 MB object (uploaded to the product just before, so in the page cache) through ' +
      '`GET /v1/{ws}/intake/links/{link}/uploads/{id}/download` (API key, audit event written before the first byte) and ' +
      'through the bare read-stream server. Time to first byte is from sending the request to the first body byte.',
    ...listingMethod(r),
    '',
    '## 1. Upload throughput',
    '',
    table(
      ['Case', 'Product MiB/s', 'Baseline MiB/s', 'Ratio product/baseline', `≥ ${UPLOAD_GOAL}`, 'Server CPU ms per 100 MB, product / baseline', `CPU ratio (≤ ${CPU_GOAL})`],
      r.upload.map((u) => [
        u.case.name,
        range(u.summary.product, f1),
        range(u.summary.baseline, f1),
        range(u.summary.ratio, f2),
        u.summary.ratio.median >= UPLOAD_GOAL ? 'yes' : '**no**',
        u.cpu ? `${range(u.cpu.product, f0)} / ${range(u.cpu.baseline, f0)}` : '—',
        u.cpu ? range(u.cpu.ratio, f2) : '—',
      ]),
    ),
    '',
    ...renderFloor(r),
  );
  if (r.tus) {
    out.push(
      `### tus (${r.tus.sizeBytes / 1024 / 1024} MB, one upload at a time)`,
      '',
      '`tus-baseline` is @tus/server with @tus/file-store (no hash, no fsync, no checks); `product-tus` is our tus route (hash, fsync per PATCH, ' +
        'checks, stored like the raw route); `product raw-route` is `POST /upload/{token}/files`. Alternating rounds per pairing.',
      '',
      table(
        ['Pairing', 'Product side', 'Product MiB/s', 'Baseline side', 'Baseline MiB/s', `Ratio (≥ ${TUS_GOAL})`],
        r.tus.comparisons.map((c) => [c.name, c.product, range(c.summary.product, f1), c.baseline, range(c.summary.baseline, f1), range(c.summary.ratio, f2)]),
      ),
      '',
    );
  }
  out.push(...renderGcs(r));
  if (r.memory) {
    const memory = r.memory;
    out.push(
    '## 2. Peak memory (VmHWM, MiB)',
    '',
    table(
      ['After', 'Product', 'Baseline', 'Difference (product − baseline, medians)'],
      (
        [
          ['start (idle, nothing uploaded)', 'atStart'],
          [`${SMALL_WARMUP} × 1 MB, sequential`, 'after1MB'],
          ['+ 1 × 100 MB', 'after100MB'],
          ['+ 4 × 100 MB, concurrent', 'after4x100MB'],
        ] as const
      ).map(([label, key]) => [label, range(memory.product[key], mib), range(memory.baseline[key], mib), signedMib(memory.product[key].median - memory.baseline[key].median)]),
    ),
    '',
    table(
      ['Growth over the 1 MB level (MiB)', 'Product', 'Baseline'],
      [
        ['100 MB − 1 MB', range(memory.product.growth100MB, signedMib), range(memory.baseline.growth100MB, signedMib)],
        ['4 × 100 MB concurrent − 1 MB', range(memory.product.growth4x100MB, signedMib), range(memory.baseline.growth4x100MB, signedMib)],
      ],
    ),
    '',
    );
  }
  if (r.download) {
    const download = r.download;
    out.push(
    '## 3. Download (100 MB)',
    '',
    table(
      ['Measure', 'Product', 'Baseline', 'Ratio product/baseline'],
      [
        ['Total time (ms)', range(download.total.product, f1), range(download.total.baseline, f1), range(download.total.ratio, f2)],
        ['Time to first byte (ms)', range(download.ttfb.product, f1), range(download.ttfb.baseline, f1), range(download.ttfb.ratio, f2)],
        ['Throughput (MiB/s)', range(download.throughput.product, f1), range(download.throughput.baseline, f1), range(download.throughput.ratio, f2)],
      ],
    ),
    '',
    'For time, a ratio above 1 means the product is slower; for throughput, below 1. Time to first byte is a few milliseconds of ' +
      'work (the product also authenticates the key and commits the audit event first); on this shared machine it is dominated by ' +
      'scheduling delays, hence its wide range.',
    '',
    );
  }
  out.push(...renderListing(r));
  out.push(...renderWebhooks(r));
  if (r.profile) out.push(...renderProfile(r));
  out.push(...renderRaw(r));
  return `${out.join('\n')}\n`;
}
