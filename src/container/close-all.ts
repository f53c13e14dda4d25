import type { Logger } from 'pino';

/** Something that must be released when the process stops, named for the log. */
export interface Closer {
  name: string;
  close(): Promise<void>;
}

/**
 * Runs closers in order, each at most until the shared deadline. A closer that fails or hangs is
 * logged and skipped, so one stuck connection can never keep the process (or a test) from ending,
 * and everything after it is still released.
 */
export async function closeAll(closers: readonly Closer[], deadlineMs: number, logger: Logger): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  for (const closer of closers) {
    const remaining = Math.max(deadline - Date.now(), 0);
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), remaining);
    });
    try {
      const outcome = await Promise.race([closer.close().then(() => 'closed' as const), timedOut]);
      if (outcome === 'timeout') logger.warn({ closer: closer.name }, 'gave up waiting for a resource to close (shutdown deadline)');
    } catch (error) {
      logger.warn({ err: error, closer: closer.name }, 'a resource failed to close');
    } finally {
      clearTimeout(timer);
    }
  }
}
