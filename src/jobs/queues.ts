/**
 * Every queue on the job queue, its payload and its retry policy, in one place: producers (the
 * follow-up handlers) and consumers (the job bodies) both import their names and types from here.
 */
export const QUEUE_NAMES = ['scan-upload', 'orphan-sweep', 'tus-expiry-sweep', 'arrival-notice'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** The payload of each queue's jobs (small and JSON: ids, never file contents). */
export interface QueuePayloads {
  /** Scan one stored upload; `reason` says what asked for it (its arrival or an operator). */
  'scan-upload': { uploadId: string; reason: 'received' | 'rescan' };
  'orphan-sweep': Record<string, never>;
  /** End the resumable uploads that went quiet for 24 hours (parts removed, slots released). */
  'tus-expiry-sweep': Record<string, never>;
  /** E-mail the link's workspace about the files that arrived since the last notice. */
  'arrival-notice': { linkId: string };
}

/** How a queue retries a failed job. */
export interface QueuePolicy {
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (with jitter) up to `retryDelayMaxSeconds`. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /** A job running longer than this is taken to have died with its worker and is retried. */
  expireInSeconds: number;
  /** pg-boss queue policy; `stately` keeps one job per singleton key queued (and one running). */
  policy?: 'standard' | 'stately';
}

export const QUEUE_POLICIES: Record<QueueName, QueuePolicy> = {
  // A scan waits out a clamd outage of any length: retries back off to 30 s, so a pending upload is
  // scanned within a minute after clamd answers again; ~10,000 retries at 30 s cover about 3.5 days.
  'scan-upload': { retryLimit: 10_000, retryDelaySeconds: 1, retryDelayMaxSeconds: 30, expireInSeconds: 15 * 60 },
  // A failed sweep is simply done again at its next slot.
  'orphan-sweep': { retryLimit: 0, retryDelaySeconds: 0, retryDelayMaxSeconds: 0, expireInSeconds: 60 * 60 },
  'tus-expiry-sweep': { retryLimit: 0, retryDelaySeconds: 0, retryDelayMaxSeconds: 0, expireInSeconds: 60 * 60 },
  // One queued job per link however many files arrive; an SMTP outage is retried for about a day.
  'arrival-notice': { retryLimit: 200, retryDelaySeconds: 30, retryDelayMaxSeconds: 600, expireInSeconds: 5 * 60, policy: 'stately' },
};
