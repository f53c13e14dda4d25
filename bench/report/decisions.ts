// Changes measured for the link list and the GraphQL face, before and after, kept or dropped. These
// figures come from the measurements named in each entry (2026-12-02, this machine, shared with 7
// other jobs), not from the current run: a change is measured once, side by side, and its record
// stays when the code moves on. The current run's plans are in section 4.
export const DECISIONS: string[] = [
  '## Changes measured (before → after), 2026-12-02',
  '',
  '### Link list: active-only page by a partial index on expiry (kept)',
  '',
  'Migration `Migration20261202151331`: `intake_links_workspace_unexpired_idx` on `(workspace_id, expires_at) include (created_at, id) ' +
    'where revoked_at is null and upload_count + reserved_uploads < max_uploads`. Status stays computed at read time (an operator moving `expires_at` in SQL ' +
    'is followed at once): the index holds no time-dependent predicate, only the two stored facts that end a link for good. ' +
    '`LinkRepository.listPage` (active only) takes the candidates `expires_at > now` from it (index-only), picks the top `limit + 1` by ' +
    '`(created_at, id)` and reads only those rows. `EXPLAIN (ANALYZE, BUFFERS)` of the first page, 1,000,000 links (second run of each):',
  '',
  '| Workspace | Before: newest-first index, filtered | After: partial index by expiry |',
  '|---|---|---|',
  '| 1% active (10,000) | 1.7–4.9 ms; 557 buffers; 9,999 rows read and thrown away | 3.2–4.0 ms; 496 buffers (86 in the partial index, 404 for the 101 rows) |',
  '| 0.1% active (1,001; the same table with 9 in 10 active links expired by SQL) | 39.8–50.3 ms; 97,984–107,699 rows thrown away | 1.7 ms; 496 buffers; 1,001 index entries |',
  '',
  'Before, a page cost grew with the inactive links between active ones (×10 inactive → ×10 time); after, with the number of active links ' +
    'of the workspace (10,000 active: ~1 ms of index-only scan and top-N sort), whatever lies between them. At 1% the two are the same ' +
    'cost, so the req/s goals (ratios to a baseline running the same SQL) do not move; the gain is for sparse workspaces, the usual case ' +
    'as expired links pile up. The cost: a workspace where most of many links are active (say 100,000 active) pays ~10 ms per page ' +
    'where the old plan paid well under 1 ms. Deep pages (the keyset condition filters the same candidates) cost the same as the first.',
  '',
  'Dropped on the way: (a) the same partial index without `include`, as the brief suggested: forced, it reads 10,000 scattered rows ' +
    'from the table before sorting, 46 ms for the first page at 1% (the planner rightly never picks it); (b) letting the planner choose ' +
    'between the two indexes (an `id in (subquery)` form): it picks the new index for deep pages (1.6 ms, index-only) but keeps the ' +
    'newest-first walk for the first page even at 0.1% active (39.6 ms), because it assumes active links are spread evenly and cannot ' +
    'see how sparse they are; hence the `materialized` CTE, which fixes the plan. The partial index includes `upload_count` in its ' +
    'predicate, so an upload\'s `upload_count + 1` is no longer a HOT update: one more index entry per upload (not measured apart from ' +
    'the contention scenario, section 5).',
  '',
  '### GraphQL against REST, the same page (goal ≥ 0.8×: not met)',
  '',
  'Throughput ratios on this machine during the work swung 0.33–0.71 between consecutive pairs (other jobs), so the changes were judged ' +
    'by server CPU time per request (`/proc/<pid>/stat`, 4 connections, 4 s per side, three alternating pairs per build, 100,000 links, ' +
    'the 100-link active page with every field):',
  '',
  '| Build | GraphQL CPU ms/request | REST CPU ms/request | REST/GraphQL |',
  '|---|---|---|---|',
  '| before (main) | 3.37, 2.97, 3.19 | 1.32, 1.39, 1.31 | 0.39, 0.47, 0.41 |',
  '| + limits verdict cached per document (LRU, keyed by operation, variables and document) | 5.71, 3.11, 3.43 | 1.58, 1.27, 1.27 | 0.28, 0.41, 0.37 |',
  '| + Apollo cache-control and inline-trace plugins off (kept) | 3.38, 2.93, 2.70 | 1.67, 1.34, 1.32 | 0.49, 0.46, 0.49 |',
  '',
  '- **Cached validation/cost verdict: dropped.** No gain beyond noise: Apollo already caches parsed and validated documents, and the ' +
    'cost walk visits the document (a dozen nodes), not the 100 results. Not worth a cache whose mistakes would weaken a limit.',
  '- **Cache-control and inline-trace plugins off: kept.** Each one, by having `willResolveField`, makes Apollo wrap every field ' +
    'resolver (1,300 per page); in the profile `field.resolve`, `willResolveField` and `whenResultIsFinished` were 10% of busy time. ' +
    'The schema has no cache hints and no gateway reads traces; the face now sets `cache-control: no-store` itself (tested).',
  '- **Where the rest goes** (`node --cpu-prof`, GraphQL at 4 connections, 8 s, self time of 7.7 s busy): `writeBuffer` (socket writes, ' +
    'both faces) 8%, GC 7%, `JSON.stringify` of the answer 6%, graphql-js `executeField` 6% and `getArgumentValues` 5% (run for each of ' +
    'the 1,300 fields, arguments or not), `DateTimeISO.serialize` (graphql-scalars, 4 dates × 100) 4%, `executeFields`/`completeValue` 5%. ' +
    'The next candidate is a compiled executor (graphql-jit through Apollo\'s executor hook: no per-field argument coercion, no generic ' +
    'completeValue) and a cheaper Date scalar serializer; not done in this round.',
  '',
  '### Uploads: the per-byte cost and the fixed cost per upload (#19 item 1)',
  '',
  'Measured 2026-12-02 16:20–16:40 UTC, this machine shared with four other jobs; each figure names its tool (all under `bench/micro/`, ' +
    'run after `npm run build`).',
  '',
  '**Where the GC time of large uploads comes from (no change kept).** `bench/micro/inspector-gc.ts` pushes 300 MiB of CSV in fresh ' +
    '64 KiB buffers (what a socket delivers) through the product\'s `UploadInspector` and through the baseline\'s bare hash tap, into a sink, ' +
    'in one process, sides alternating:',
  '',
  '| Live heap of the process | Inspector: CPU ms / GC ms / GCs | Bare tap: CPU ms / GC ms / GCs |',
  '|---|---|---|',
  '| ~5 MiB (nothing else loaded) | 345 / 91 / 10; 320 / 51 / 8; 311 / 118 / 10 | 248 / 75 / 10; 253 / 14 / 8; 248 / 52 / 9 |',
  '| ~103 MiB (600,000 small objects kept alive) | 802 / 285 / 10; 733 / 469 / 8; 645 / 344 / 9 | 564 / 143 / 10; 588 / 86 / 8; 584 / 199 / 8 |',
  '',
  '- The inspector triggers **the same number of collections** as the bare tap (8–10 per 300 MiB): it allocates nothing per byte beyond ' +
    'what the tap does. The hold-back copies one 64 KiB head once per upload (`Buffer.concat` of the held chunks, 0.02% of a 100 MB file); ' +
    'replacing it with views was **dropped unmeasured-as-a-gain**: there is no per-chunk copy to remove, and `file-type` needs one ' +
    'contiguous head anyway.',
  '- What moves GC time is **the size of the live heap**: the same buffers cost 2–6× more GC time with 100 MiB of live objects, because ' +
    'each 64 KiB buffer is external memory and external-memory growth starts full (mark-compact) collections, whose cost grows with the ' +
    'heap they mark. The product process holds Express, Apollo/type-graphql, MikroORM and pg-boss (tens of MiB); the baseline holds ' +
    'nothing. So the 281 ms vs 62 ms GC per 3 × 100 MB in the profile is mostly the product\'s heap, not its buffer handling; the lever ' +
    'would be a smaller resident heap (lazy-loading the GraphQL face), not the inspector. Not done in this round.',
  '- The inspector\'s own extra CPU was the CSV text check (about +25–35% over the bare tap then: one native `indexOf` per forbidden byte). ' +
    'It is a content guarantee and stays; it is now a SIMD loop (evening entry below).',
  '',
  '**Database round trips per small upload.** `bench/micro/upload-round-trips.ts` counts every statement the built server sends through ' +
    '`pg` (a preload wraps `Client.prototype.query`), over 20 sequential 1 KiB uploads after a warm-up:',
  '',
  '| Build | Statements per upload |',
  '|---|---|',
  '| before (main, b951334) | 10: token lookup; begin; advisory lock; duplicate lookup; slot update; upload insert; audit insert; webhook endpoint lookup; `pg_notify`; commit |',
  '| + the NOTIFY rides on the endpoint lookup (kept) | 9 |',
  '| + slot update and upload insert in one statement (kept) | 8 |',
  '',
  '- **NOTIFY with the endpoint lookup: kept.** `WebhookRepository.subscribersNotifying`: `select … from (select pg_notify(…)) left join ' +
    'webhooks …`; the NOTIFY is on the outer side, so it runs once whether or not an endpoint matches, and PostgreSQL still sends it only ' +
    'at commit. Every published event saves a round trip, not only uploads.',
  '- **Slot and row in one statement: kept.** `LinkRepository.takeUploadSlotRecording`: the upload row is inserted from the slot update\'s ' +
    '`RETURNING` in a data-modifying CTE, so the row exists exactly when the slot was taken; a refused slot inserts nothing. The resumable ' +
    'path (a held reservation) keeps its two statements. Same transaction, same single commit, audit event in it.',
  '- **Advisory lock and duplicate lookup in one statement: dropped, unsafe.** Under READ COMMITTED a statement\'s snapshot is taken when ' +
    'the statement starts, before a lock inside it is granted: the lookup would not see the original committed by the transaction that ' +
    'held the lock, and two identical files arriving together could both be recorded as originals. The lock stays its own statement.',
  '- **Audit insert folded into the same statement: not done.** It would bypass `AuditService` (the follow-ups that run from the audit ' +
    'event: notifications, scan enqueue) for one more round trip; the contract\'s "audit event with the row" already holds (same transaction).',
  '- **One round trip for admission: not needed at these settings.** With rate limits off (as in the bench) or on the memory store, ' +
    'admission is one statement (the token lookup); the counters are in process. With the PostgreSQL store they add round trips (not measured here).',
  '',
  '**What a round trip and an fsync cost here** (`select 1` over one `pg` connection, 500 in a row; `fsync` of a 1 KiB file and of its ' +
    'folder, 50 in a row, three runs): a round trip 0.05–0.16 ms of wall time; file fsync 0.41–0.82 ms, folder fsync 0.25–0.66 ms. In the ' +
    'CPU profile of 300 sequential 1 KiB uploads (8.4 ms wall, 3.7 ms main-thread busy per upload), the database path (MikroORM, Kysely, ' +
    '`pg`, socket writes) was ~1.4 ms of the 3.7: about 0.14 ms of our CPU per statement, more than the round trip\'s wire time.',
  '',
  '**Before → after, small uploads, side by side** (`bench/micro/tiny-upload-ab.ts`: main\'s build and this one, each its own process and ' +
    'database, 200 sequential 1 KiB uploads per batch, 6 alternating batches each):',
  '',
  '| Build | Wall ms per upload (6 batches) | Server CPU ms per upload (utime + stime) |',
  '|---|---|---|',
  '| before (main) | 34.2, 14.1, 32.2, 31.6, 21.9, 25.4 (median 28.5) | 7.5, 5.8, 6.9, 6.0, 7.9, 6.0 (median 6.45) |',
  '| after (both kept changes) | 26.7, 34.0, 22.1, 17.8, 15.2, 19.7 (median 20.9) | 6.85, 6.85, 5.5, 5.15, 6.15, 5.5 (median 5.8) |',
  '',
  'Server CPU per small upload down ~10% (median 6.45 → 5.8 ms); wall times swing 2× between batches on this machine, so only the CPU ' +
    'figure and the exact statement count (10 → 8) are claimed.',
  '',
  '**fsync of file and folder overlapped with the commit: dropped.** Overlapping safely means doing the transaction\'s statements while the ' +
    'fsyncs run and issuing COMMIT only once the object is durable; the slot update then holds the link\'s row lock across both fsyncs, ' +
    'serializing concurrent uploads to one link (the contention scenario) on the disk\'s latency. The most it could save is the two fsyncs ' +
    'measured above (~1 ms of an 8–30 ms small upload here). Not worth the longer lock.',
  '',
  '- The partial index on expiry makes the slot update a non-HOT update (above); the contention scenario (section 5) is the figure to watch.',
  '',
  '## Changes measured (before → after), 2026-12-02 evening',
  '',
  'Judged by server CPU (utime + stime from `/proc/<pid>/stat`) in alternating A/B pairs of two builds, because throughput swung ' +
    '±50% on the machine (load 10–16 while five changes were measured at once). "Before" of the whole round is the full run of 19:05 ' +
    '(quiet machine; it died at the link list, so it has no list figures): uploads 0.34 / 0.38 (1 MB), 0.39 / 0.50 (10 MB), 0.67 / 0.64 ' +
    '(100 MB) of the baseline at 1 / 4 clients; tus route 63 MiB/s single PATCH and 52 MiB/s in 8 MiB PATCHes against @tus/server\'s 173 ' +
    'and 125; contention 162 accepted/s. "After" is this report.',
  '',
  '### Uploads',
  '',
  '- **The database work overlapped with the fsyncs: kept.** Once the last byte has passed the inspector, the transaction starts (the ' +
    '(workspace, sha256) lock, the duplicate lookup, the audit row and its follow-ups) while storage still fsyncs file and folder and ' +
    'renames; it waits for the durable object before it takes the slot and commits, so a row never names an object that is not durable, ' +
    'and the link\'s row lock (the slot) is taken only after the wait, so it is held no longer than before (the objection that dropped the ' +
    'overlap earlier). Contention 162 → 239 accepted/s (section 5); the small-upload wall gain alone was not separable from the noise.',
  '- **The CSV text check 16 bytes at a time (a WebAssembly SIMD loop, `src/services/upload/text-bytes.ts`): kept.** ' +
    '`bench/micro/text-check.ts`, one process: 0.15–0.21 CPU ms/MiB against 0.54–0.70 for the 29 `indexOf` passes, which stay as the ' +
    'fallback. A unit test covers every byte value, chunk edges and odd offsets, and that the SIMD path is the one running.',
  '- **`pipeInto` instead of `stream.pipeline` in the local driver: kept** (pipeline builds an abort error with a stack per call, 5% of a ' +
    'small upload\'s profile); no difference measurable on its own (1 KiB: 5.35 / 7.1 / 5.35 / 4.05 against 5.65 / 6.35 / 4.3 / 4.0 ms ' +
    'per upload). The same for the body → inspector step was reverted: it closed the socket on a refusal, so the 413/422 never went out.',
  '- **A minor GC forced every 16 or 4 MiB of body: dropped.** 100 MB: 3.90 / 4.07 / 3.83 CPU ms/MiB against 8.30 / 9.77 / 10.27 ' +
    '(baseline 3.2–3.7), but peak memory scanning a 100 MB upload rose by 33–61 MiB (`scan-memory.test.ts` allows 40), and it needs ' +
    '`v8.setFlagsFromString(\'--expose-gc\')` at run time, which Node documents as unsafe.',
  '- **`--max-semi-space-size=1` (a Node flag): dropped, not reproduced.** One A/B (the uploads work, under load) ' +
    'gave 3.83 / 3.33 / 3.53 against 10.13 / 9.27 / 7.70 CPU ms/MiB; a second on the merged build (`AB_NODE_FLAGS_B`, ' +
    '`bench/micro/upload-cpu-ab.ts`, 3 × 100 MB per batch) gave 8.87 / 9.30 / 10.40 with the flag against 4.87 / 8.43 / 8.63 without ' +
    '(baseline 2.43–2.63). Set from code at start-up it does nothing.',
  '- **Where 100 MB still goes**: the garbage collector (section "Where the upload time goes": 304 ms against 79 ms per 3 × 100 MB). ' +
    'Each socket read is a fresh buffer outside the heap; external-memory growth starts full collections, whose cost is the size of the ' +
    'live heap (Express, Apollo, MikroORM, pg-boss: ~43 MB) against the bare baseline\'s near-empty one. The lever left is a smaller ' +
    'resident heap in the process that receives uploads (PROCESS_ROLES could give the upload face a process of its own without the ' +
    'GraphQL face); not done.',
  '',
  '### tus route',
  '',
  '- **Hash and text-check as PATCH bytes arrive, the part hard-linked into local storage: kept.** The finish read the whole file back ' +
    '(a second pass) and copied it with a second fsync. Now the digest is fed after each datasync and kept only when it covers exactly ' +
    'the part\'s new length; the finish runs the head inspection, size and whole-file text checks from it and the same commit; without it ' +
    '(a restart, PATCHes spread over processes) the full pass runs as before (tested across two live processes). ' +
    '`bench/micro/tus-ab.ts`, 10 pairs, server CPU / wall ms per 100 MB: single PATCH 1140 / 4478 against 1805 / 6058; 8 MiB PATCHes ' +
    '1195 / 5089 against 1880 / 7182 (@tus/server 480 / 1948 and 480 / 2462). The link is loaded once per HEAD/PATCH (one query fewer).',
  '- **The datasync overlapped with receiving: dropped**: 0.05–0.07 s per 100 MB on this disk, below the noise.',
  '',
  '### GraphQL',
  '',
  '- **Queries compiled by graphql-jit 0.8.9 through Apollo\'s gateway interface, `simpleResolvers` on the object types: kept.** ' +
    '`bench/micro/graphql-list-ab.ts`, 6 alternating pairs, 1,000 requests of each face per side, CPU ms per page (GraphQL / REST): ' +
    'before 5.14 / 3.61, 5.92 / 3.38, 5.22 / 2.57, 5.45 / 2.92, 3.56 / 2.67, 5.88 / 2.64 (REST÷GraphQL median 0.555); after 4.78 / 3.76, ' +
    '4.39 / 2.87, 4.81 / 3.13, 4.39 / 2.76, 3.72 / 2.35, 5.34 / 3.13 (0.64). Mutations (uploads) and variables that do not coerce stay on ' +
    'graphql-js, so their errors are worded as before.',
  '- **Our own Date scalar: dropped**: `toISOString` is the cost on both faces (3.8% GraphQL, 4.6% REST).',
  '',
  '### REST list and every authenticated request',
  '',
  '- **`api_keys.last_used_at` written at most once a minute per key and process: kept.** The conditional UPDATE matched no row inside ' +
    'its minute but was still sent: a round trip and a commit per request (the diagnosis: 3 statements per request against the ' +
    'baseline\'s 2). Now an authenticated request is the key lookup alone. With no EntityManager fork per statement, the upload path ' +
    'by concatenation and the credential hashed once, `bench/micro/list-ab.ts` (4 connections, 5 s per run, alternating pairs, CPU ms per ' +
    'page old / new): default 3.68 / 2.95, 2.46 / 2.81, 2.84 / 2.64, 4.90 / 3.86, 4.17 / 3.88, 3.66 / 3.19, 5.31 / 3.63; include_expired ' +
    '3.37 / 2.30, 2.95 / 2.28, 2.46 / 2.08, 2.88 / 2.87, 3.17 / 2.52, 3.22 / 2.45, 3.06 / 3.11 (lower in 12 of 14 pairs).',
  '',
];
