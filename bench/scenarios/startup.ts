import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { startProduct, type ProductSettings } from '../lib/servers.ts';

// Start-up: from spawning the server to the first 200 from /readyz, against the bench database the
// earlier scenarios filled (migrations already applied: the server only checks them). Two production
// commands, in alternating rounds: `node --expose-gc --initial-old-space-size=256 dist/main.js` (docs/deploy.md) and
// `node --expose-gc --initial-old-space-size=256 --enable-source-maps dist/main.js` (the Dockerfile's CMD). Neither compiles anything at boot
// (`npm start` would run tsc first: a development convenience, not the production path).
// The probe polls every 10 ms, so figures are rounded up to that step.

export interface StartupResult {
  /** `product` = `node --expose-gc --initial-old-space-size=256 dist/main.js`, `baseline` = `node --expose-gc --initial-old-space-size=256 --enable-source-maps dist/main.js` (the Dockerfile). */
  paths: { plain: string; docker: string };
  ms: PairedSummary;
  rounds: PairedRound<number>[];
}

export async function runStartup(settings: ProductSettings, rounds: number): Promise<StartupResult> {
  const start = (nodeFlags: string[]) => async () => {
    const started = performance.now();
    const server = await startProduct({ ...settings, nodeFlags }, 10);
    const ms = performance.now() - started;
    await server.stop();
    return ms;
  };
  const paired = await alternate(rounds, start([]), start(['--enable-source-maps']));
  return {
    paths: { plain: 'node --expose-gc --initial-old-space-size=256 dist/main.js', docker: 'node --expose-gc --initial-old-space-size=256 --enable-source-maps dist/main.js' },
    ms: summarizePaired(paired, (x) => x),
    rounds: paired,
  };
}
