import type { WebhookResult } from '../scenarios/webhooks.ts';
import type { BenchResults } from './results.ts';

/** Upload 201 → webhook arrival at the loopback receiver, p99, at 50 uploads/s. */
export const WEBHOOK_P99_GOAL_MS = 1000;
/** Deliveries per second to a receiver that answers at once. */
export const WEBHOOK_RATE_GOAL = 500;

export interface WebhookGoals {
  latency: { goalMs: number; p99Ms: number; met: boolean };
  rate: { goal: number; perSecond: number; met: boolean };
}

export function webhookGoals(result: WebhookResult): WebhookGoals {
  return {
    latency: { goalMs: WEBHOOK_P99_GOAL_MS, p99Ms: result.latency.p99Ms, met: result.latency.missing === 0 && result.latency.p99Ms < WEBHOOK_P99_GOAL_MS },
    rate: { goal: WEBHOOK_RATE_GOAL, perSecond: result.throughput.perSecond, met: result.throughput.perSecond >= WEBHOOK_RATE_GOAL },
  };
}

const yes = (met: boolean) => (met ? 'met' : '**not met**');

export function webhookGoalRows(r: BenchResults): string[][] {
  const goals = r.webhooks ? webhookGoals(r.webhooks) : undefined;
  return [
    [
      `Upload 201 → webhook at a loopback receiver, p99 < ${WEBHOOK_P99_GOAL_MS} ms at 50 uploads/s`,
      r.webhooks ? `p50 ${r.webhooks.latency.p50Ms.toFixed(0)} ms, p99 ${r.webhooks.latency.p99Ms.toFixed(0)} ms` : 'not measured',
      goals ? yes(goals.latency.met) : '—',
    ],
    [
      `Webhook deliveries ≥ ${WEBHOOK_RATE_GOAL}/s to a fast receiver`,
      r.webhooks ? `${r.webhooks.throughput.perSecond.toFixed(0)}/s` : 'not measured',
      goals ? yes(goals.rate.met) : '—',
    ],
  ];
}

export function renderWebhooks(r: BenchResults): string[] {
  const w = r.webhooks;
  if (!w) return [];
  return [
    '## Webhooks',
    '',
    `A product process of its own (\`WEBHOOK_ALLOW_PRIVATE=true\`) on the run's database and a bare \`node:http\` receiver in the ` +
      'bench process answering 204 at once. **Latency:** ' +
      `${w.latency.uploads} small CSV uploads, open loop at ${w.latency.ratePerSecond}/s, one webhook on \`upload.received\`; from the ` +
      `client seeing the 201 to the receiver getting the delivery: p50 ${w.latency.p50Ms.toFixed(0)} ms, p99 ${w.latency.p99Ms.toFixed(0)} ms, ` +
      `max ${w.latency.maxMs.toFixed(0)} ms (${w.latency.missing} missing). **Rate:** ${w.throughput.webhooks} endpoints × ` +
      `${w.throughput.uploads} uploads = ${w.throughput.deliveries} deliveries in ${w.throughput.seconds.toFixed(1)} s from the first ` +
      `arrival to the last: ${w.throughput.perSecond.toFixed(0)}/s.`,
    '',
  ];
}
