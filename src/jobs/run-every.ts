import type { Logger } from 'pino';

/** A job body run on a timer; `stop` waits for a run in progress. */
export interface ScheduledJob {
  stop(): Promise<void>;
}

/**
 * Runs `body` every `intervalMs` (the first time after at most a minute), never twice at once; 0
 * disables it. A failed run is logged and the next one comes on time. The same cadence as the
 * orphan sweep's own timer, kept apart so each body stays a plain function a queue can run later.
 */
export function runEvery(name: string, intervalMs: number, body: () => Promise<unknown>, logger: Logger): ScheduledJob {
  if (intervalMs <= 0) return { stop: async () => undefined };
  let running: Promise<unknown> | undefined;
  const tick = () => {
    if (running) return;
    running = body()
      .catch((error: unknown) => logger.warn({ err: error, job: name }, `${name} failed; it will run again`))
      .finally(() => {
        running = undefined;
      });
  };
  const timers = [setTimeout(tick, Math.min(intervalMs, 60_000)).unref(), setInterval(tick, intervalMs).unref()];
  return {
    async stop() {
      for (const timer of timers) clearTimeout(timer);
      await running;
    },
  };
}
