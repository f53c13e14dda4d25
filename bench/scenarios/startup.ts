import { startProduct, type ProductSettings } from '../lib/servers.ts';
import { spread, type Spread } from '../lib/stats.ts';

// Start-up: from spawning `node dist/main.js` to the first 200 from /readyz, against the bench
// database the earlier scenarios filled (migrations already applied: the server only checks them).
// The probe polls every 10 ms, so figures are rounded up to that step.

export interface StartupResult {
  ms: Spread;
  rounds: number[];
}

export async function runStartup(settings: ProductSettings, rounds: number): Promise<StartupResult> {
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const server = await startProduct(settings, 10);
    times.push(performance.now() - started);
    await server.stop();
  }
  return { ms: spread(times), rounds: times };
}
