import { alternate, summarizePaired, type PairedRound, type PairedSummary } from '../lib/rounds.ts';
import { productCommand, startProduct, type ProductSettings } from '../lib/servers.ts';

// Start-up: from spawning the server to the first 200 from /readyz, against the bench database the
// earlier scenarios filled (migrations already applied: the server only checks them). Two production
// commands, in alternating rounds: `productCommand()` (docs/deploy.md) and the same with --enable-source-maps
// (the Dockerfile's CMD). Neither compiles anything at boot
// (`npm start` would run tsc first: a development convenience, not the production path).
// The probe polls every 10 ms, so figures are rounded up to that step.

export interface StartupResult {
  /** The two commands: `plain` (docs/deploy.md, the rounds' `product` side) and `docker` (the Dockerfile, their `baseline` side). */
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
    paths: { plain: productCommand(), docker: productCommand(['--enable-source-maps']) },
    ms: summarizePaired(paired, (x) => x),
    rounds: paired,
  };
}
