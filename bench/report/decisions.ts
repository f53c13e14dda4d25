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
  '### Uploads: what the profiles point at (for the upload-route work, not changed here)',
  '',
  '- Garbage collection 281 ms against the baseline\'s 62 ms per 3 × 100 MB (the inspector\'s buffer concatenation; view, don\'t copy).',
  '- About 5 ms fixed per small upload in database round trips and commits (token lookup, slot, rows, audit, commit): one round trip for ' +
    'admission and one statement for the commit are the candidates; the contention scenario (section 5) is the figure to watch.',
  '- The new partial index turns the slot update into a non-HOT update (above): measure it with the contention scenario when the ' +
    'upload route settles.',
  '',
];
