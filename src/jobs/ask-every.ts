import type { Logger } from 'pino';

/** A timer that asks for a job; `stop` ends the asking (the job itself runs on the queue). */
export interface JobSchedule {
  stop(): void;
}

/**
 * Calls `enqueue` every `intervalMs` (the first time after at most a minute); 0 disables it. Every
 * worker process asks, and the queue's throttle turns the asks of one interval into one job, so a
 * sweep runs once per interval whatever the number of processes. A failed ask is logged; the next
 * one comes on time.
 */
export function askEvery(name: string, intervalMs: number, enqueue: () => Promise<unknown>, logger: Logger): JobSchedule {
  if (intervalMs <= 0) return { stop: () => undefined };
  const tick = () => {
    enqueue().catch((error: unknown) => logger.warn({ err: error, job: name }, `could not enqueue the ${name}; it is asked for again next time`));
  };
  const timers = [setTimeout(tick, Math.min(intervalMs, 60_000)).unref(), setInterval(tick, intervalMs).unref()];
  return {
    stop() {
      for (const timer of timers) clearTimeout(timer);
    },
  };
}
