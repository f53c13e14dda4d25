import { CONTENTION_BYTES, CONTENTION_HIGH_LIMIT, CONTENTION_UPLOADS } from '../scenarios/contention.ts';
import { LATENCY_CONNECTIONS, THROUGHPUT_CONNECTIONS, type LoadComparison } from '../scenarios/link-listing.ts';
import { DECISIONS } from './decisions.ts';
import { f0, f1, f2, range, table } from './format.ts';
import type { BenchResults } from './results.ts';

// The report's sections on the link list (REST and GraphQL), contention on one link and start-up.


export function listingMethod(r: BenchResults): string[] {
  const l = r.links;
  return [
    `- **Link list.** A second workspace gets ${l.seed.count.toLocaleString('en-US')} links inserted straight into the bench database after ` +
      'the server migrated it ([`bench/lib/seed-links.ts`](bench/lib/seed-links.ts): one `INSERT … SELECT` over `generate_series`, then ' +
      '`VACUUM ANALYZE`): creation times spread evenly over a year, every 100th link active (1%), the others in turn expired, revoked and ' +
      'exhausted; revoked and exhausted ones keep an expiry up to 720 h after creation, active ones expire 1–720 h from now. ' +
      `[autocannon](https://github.com/mcollina/autocannon) 9.0.0, in the bench process, keep-alive, for ${l.seconds} s per run after an untimed warm-up of ${l.warmupSeconds ?? 1} s per side and connection count (the product's code reaches its optimized tiers over its first 10–15 s of a case, the bare baseline's in ~1 s; the goals are about the throughput a server keeps up), ` +
      `at ${THROUGHPUT_CONNECTIONS} connections (throughput: mean req/s) and at ${LATENCY_CONNECTIONS} (latency: p99), ` +
      'against the product and against [`bench/baselines/list-server.ts`](bench/baselines/list-server.ts) (express + pg, pool of 10, running the ' +
      'same SQL per request: the API-key lookup, the cursor\'s link, the page; same JSON, same `Link` header; checked to answer the same page ' +
      'before the runs). Cases: the active-only default, `include_expired=true`, and the active-only page 80% down the cursor chain. ' +
      'GraphQL runs `intakeLinks` with every field of a link, as POST JSON with variables, against the product\'s own REST answer to the ' +
      `same page. ${l.rest[0]?.rounds.length ?? 0} alternating round(s) per measurement. The plans are \`EXPLAIN (ANALYZE, BUFFERS)\` of the ` +
      'statements, each run twice and the second reported.',
    `- **Contention.** A fresh link (\`max_uploads\` 10,000); ${CONTENTION_UPLOADS} uploads of ${CONTENTION_BYTES} B of CSV at once ` +
      '(a fresh connection each); accepted/s = 201s / wall time of the batch. Two product processes on the same database, in alternating ' +
      'rounds, each with its own link: the product of the other scenarios (rate limits off), and one with `RATE_LIMIT_STORE=postgres` and ' +
      `every per-minute limit at ${CONTENTION_HIGH_LIMIT.toLocaleString('en-US')} (nothing refused, the shared counters upserted on every request: the store's cost). ` +
      '"Lost" counts, over both, every upload that was not accepted, and every difference between the 201s and the growth of the link\'s ' +
      '`upload_count` or of its upload rows.',
    '- **Start-up.** The product stopped, then spawned again on the same database and data directory (schema already migrated), in ' +
      `alternating rounds as \`${r.startup.paths.plain}\` (docs/deploy.md) and as \`${r.startup.paths.docker}\` (the Dockerfile's CMD); ` +
      'time from the spawn to the first 200 from `/readyz`, probed every 10 ms. Neither compiles at boot: `npm start` runs the TypeScript ' +
      'build first (a development convenience, not the production path, not measured).',
    '- **Where REST\'s p99 goes.** After the comparisons, a fresh product and a fresh list baseline, both started with `--trace-gc` ' +
      '(V8 prints every pause; the bench sums them from stdout), a 1 s warm-up each, then one run per side at the latency load (the ' +
      `active-only default page, ${LATENCY_CONNECTIONS} connections, ${l.seconds} s; GraphQL on the same product last): the server process\'s CPU per request ` +
      '(/proc/<pid>/stat), its GC pauses, and the database\'s work per request from `pg_stat_database` (commits, rows inserted + ' +
      'updated + deleted, blocks read) and `pg_stat_user_tables` (updates of `api_keys`, i.e. `last_used_at`), each reading taken ' +
      `${((l.diagnosis?.settleMs ?? 10_500) / 1000).toFixed(1)} s after the load (a backend publishes its statistics at most once a second and the rest 10 s after it goes idle). ` +
      'The traced product also preloads the statement counter of `bench/micro/count-queries.preload.mjs`, so its statements per ' +
      'request are counted exactly (the baseline sends 2: the key lookup and the page). ' +
      'Database counters include the product\'s background work (pg-boss) over the run.',
  ];
}

function loadRows(cases: LoadComparison[]): string[][] {
  return cases.map((c) => [
    c.name,
    String(c.connections),
    `${range(c.requestsPerSecond.product, f0)} / ${range(c.requestsPerSecond.baseline, f0)}`,
    range(c.requestsPerSecond.ratio, f2),
    `${range(c.p99Ms.product, f0)} / ${range(c.p99Ms.baseline, f0)}`,
    range(c.p99Ms.ratio, f2),
  ]);
}

export function renderListing(r: BenchResults): string[] {
  const l = r.links;
  const header = (a: string, b: string) => ['Case', 'Connections', `req/s ${a} / ${b}`, `Ratio ${a}/${b}`, `p99 ms ${a} / ${b}`, `p99 ratio ${a}/${b}`];
  return [
    `## 4. Link list (${l.seed.count.toLocaleString('en-US')} links, ${l.seed.active.toLocaleString('en-US')} active)`,
    '',
    `Seeded in ${f1(l.seed.ms / 1000)} s.`,
    '',
    '### REST against bare express + pg',
    '',
    table(header('product', 'baseline'), loadRows(l.rest)),
    '',
    '### GraphQL against REST (the product, the same page)',
    '',
    table(header('GraphQL', 'REST'), loadRows(l.graphql)),
    '',
    '### The plans',
    '',
    table(
      ['Statement', 'Execution (ms)', 'Shared buffers'],
      l.plans.map((p) => [p.label, f2(p.executionMs), String(p.buffers)]),
    ),
    '',
    ...l.plans.flatMap((p) => [`<details><summary>${p.label}</summary>`, '', '```', p.plan, '```', '', '</details>', '']),
    ...renderDiagnosis(r),
    `## 5. Contention: ${CONTENTION_UPLOADS} concurrent uploads to one link`,
    '',
    table(
      ['Round', 'Server', 'Wall ms', '201s', 'upload_count growth', 'Upload rows growth'],
      r.contention.rounds.flatMap((round) =>
        ([['limits off', round.product], ['PostgreSQL store', round.baseline]] as const).map(([side, c]) => [
          `${round.round} (${round.order === 'product first' ? 'limits off first' : 'store first'})`,
          side,
          f1(c.ms),
          String(c.accepted),
          String(c.countGrowth),
          String(c.rowGrowth),
        ]),
      ),
    ),
    '',
    `Accepted per second, rate limits off: ${range(r.contention.acceptedPerSecond.product, f0)}; PostgreSQL store on: ` +
      `${range(r.contention.acceptedPerSecond.baseline, f0)}; ratio limits off / store on ${range(r.contention.acceptedPerSecond.ratio, f2)}; lost: ${r.contention.lost}.`,
    '',
    '## 6. Start-up (spawn → first 200 from /readyz, existing database)',
    '',
    table(
      ['Command', 'ms', 'Rounds (ms)'],
      [
        [`\`${r.startup.paths.plain}\` (docs/deploy.md)`, range(r.startup.ms.product, f0), r.startup.rounds.map((x) => f0(x.product)).join(', ')],
        [`\`${r.startup.paths.docker}\` (Dockerfile CMD)`, range(r.startup.ms.baseline, f0), r.startup.rounds.map((x) => f0(x.baseline)).join(', ')],
      ],
    ),
    '',
    ...DECISIONS,
  ];
}

function renderDiagnosis(r: BenchResults): string[] {
  const d = r.links.diagnosis;
  if (!d) return [];
  return [
    `### Where REST's p99 goes (${d.connections} connections, the active-only default page, one ${d.seconds} s run per side)`,
    '',
    ...(d.settleMs !== undefined && d.settleMs < 10_000 ? [`(Readings ${d.settleMs} ms after each run in this smoke run: the database counters undercount.)`, ''] : []),
    table(
      ['Side', 'req/s', 'p50 ms', 'p99 ms', 'Server CPU ms/request', 'GC pauses', 'GC ms/request', 'GC ms per s of load', 'Commits/request', 'Rows written/request', 'api_keys updates/request', 'Blocks read/request'],
      d.sides.map((s) => [
        s.side,
        f0(s.load.requestsPerSecond),
        String(s.load.p50Ms),
        String(s.load.p99Ms),
        f2(s.cpuMsPerRequest),
        String(s.gcPauses),
        s.gcMsPerRequest.toFixed(3),
        f1(s.gcMsPerSecond),
        f2(s.commitsPerRequest),
        f2(s.rowsWrittenPerRequest),
        s.apiKeyUpdatesPerRequest.toFixed(3),
        f2(s.blocksReadPerRequest),
      ]),
    ),
    '',
    ...d.sides.flatMap((s) =>
      s.statementsPerRequest
        ? [`Statements the ${s.side} side sent per request (pg queries counted by [\`bench/micro/count-queries.preload.mjs\`](bench/micro/count-queries.preload.mjs), literals as ?):`, '', ...s.statementsPerRequest.map((st) => `- ${st.perRequest.toFixed(2)} × \`${st.statement.replace(/`/g, "'")}\``), '']
        : [],
    ),
    'Server CPU per request is the Node process alone; with 2 cores shared by the server, PostgreSQL and the load generator, a request ' +
      'that costs more CPU waits longer behind the others, which is where a p99 gap shows first. Commits and rows written per request show ' +
      'whether a read does a write (an `api_keys.last_used_at` update shows as api_keys updates ≈ 1 per request, or ≈ 0 when it is ' +
      'kept to one write a minute per key).',
    '',
  ];
}
