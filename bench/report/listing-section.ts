import { CONTENTION_BYTES, CONTENTION_UPLOADS } from '../scenarios/contention.ts';
import { LATENCY_CONNECTIONS, THROUGHPUT_CONNECTIONS, type LoadComparison } from '../scenarios/link-listing.ts';
import { DECISIONS } from './decisions.ts';
import { f1, f2, range, table, yes } from './format.ts';
import { GRAPHQL_GOAL, LIST_P99_GOAL, LIST_THROUGHPUT_GOAL } from './goals.ts';
import type { BenchResults } from './results.ts';

// The report's sections on the link list (REST and GraphQL), contention on one link and start-up.

const f0 = (n: number) => n.toFixed(0);
const caseList = (cases: { name: string; ratio: number }[]) => cases.map((c) => `${c.name}: ${f2(c.ratio)}×`).join('<br>');

export function listingGoalRows(r: BenchResults): string[][] {
  const g = r.goals;
  const n = r.links.seed.count.toLocaleString('en-US');
  return [
    [`Link list (${n} links, 1% active), REST req/s ≥ ${LIST_THROUGHPUT_GOAL}× bare express + pg, ${THROUGHPUT_CONNECTIONS} connections`, caseList(g.listThroughput.cases), yes(g.listThroughput.met)],
    [`Same, p99 ≤ ${LIST_P99_GOAL}× the baseline's, ${LATENCY_CONNECTIONS} connections`, caseList(g.listP99.cases), yes(g.listP99.met)],
    [`The same list through GraphQL ≥ ${GRAPHQL_GOAL}× REST's req/s, ${THROUGHPUT_CONNECTIONS} connections`, caseList(g.graphql.cases), yes(g.graphql.met)],
    [
      `${CONTENTION_UPLOADS} concurrent uploads to one link: none lost`,
      `${f0(r.contention.acceptedPerSecond.median)} accepted/s; lost ${r.contention.lost}`,
      yes(r.contention.lost === 0),
    ],
  ];
}

export function listingMethod(r: BenchResults): string[] {
  const l = r.links;
  return [
    `- **Link list.** A second workspace gets ${l.seed.count.toLocaleString('en-US')} links inserted straight into the bench database after ` +
      'the server migrated it ([`bench/lib/seed-links.ts`](bench/lib/seed-links.ts): one `INSERT … SELECT` over `generate_series`, then ' +
      '`VACUUM ANALYZE`): creation times spread evenly over a year, every 100th link active (1%), the others in turn expired, revoked and ' +
      'exhausted; revoked and exhausted ones keep an expiry up to 720 h after creation, active ones expire 1–720 h from now. ' +
      `[autocannon](https://github.com/mcollina/autocannon) 9.0.0, in the bench process, keep-alive, for ${l.seconds} s per run after a 1 s warm-up, ` +
      `at ${THROUGHPUT_CONNECTIONS} connections (throughput: mean req/s) and at ${LATENCY_CONNECTIONS} (latency: p99), ` +
      'against the product and against [`bench/baselines/list-server.ts`](bench/baselines/list-server.ts) (express + pg, pool of 10, running the ' +
      'same SQL per request: the API-key lookup, the cursor\'s link, the page; same JSON, same `Link` header; checked to answer the same page ' +
      'before the runs). Cases: the active-only default, `include_expired=true`, and the active-only page 80% down the cursor chain. ' +
      'GraphQL runs `intakeLinks` with every field of a link, as POST JSON with variables, against the product\'s own REST answer to the ' +
      `same page. ${l.rest[0]?.rounds.length ?? 0} alternating round(s) per measurement. The plans are \`EXPLAIN (ANALYZE, BUFFERS)\` of the ` +
      'statements, each run twice and the second reported.',
    `- **Contention.** A fresh link (\`max_uploads\` 10,000) in the first workspace; ${CONTENTION_UPLOADS} uploads of ${CONTENTION_BYTES} B of CSV at once ` +
      '(a fresh connection each); accepted/s = 201s / wall time of the batch. "Lost" counts every upload that was not accepted, and every ' +
      'difference between the 201s and the growth of the link\'s `upload_count` or of its upload rows.',
    '- **Start-up.** The product stopped, then `node dist/main.js` spawned again on the same database and data directory (schema already ' +
      'migrated); time from the spawn to the first 200 from `/readyz`, probed every 10 ms.',
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
    `## 5. Contention: ${CONTENTION_UPLOADS} concurrent uploads to one link`,
    '',
    table(
      ['Round', 'Wall ms', '201s', 'upload_count growth', 'Upload rows growth'],
      r.contention.rounds.map((c, i) => [String(i + 1), f1(c.ms), String(c.accepted), String(c.countGrowth), String(c.rowGrowth)]),
    ),
    '',
    `Accepted per second: ${range(r.contention.acceptedPerSecond, f0)}; lost: ${r.contention.lost}. ` +
      'The shared PostgreSQL rate-limit store is not measured here yet (rate limits are off in every scenario).',
    '',
    '## 6. Start-up (spawn → first 200 from /readyz, existing database)',
    '',
    `${range(r.startup.ms, f0)} ms over ${r.startup.rounds.length} start(s): ${r.startup.rounds.map(f0).join(', ')} ms.`,
    '',
    ...DECISIONS,
  ];
}
