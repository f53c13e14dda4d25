import { randomBytes } from 'node:crypto';

/**
 * The events a webhook (or a subscription) can receive: the audit trail's own types plus two that no
 * request causes but the clock or the last upload does (link.exhausted, link.expired).
 */
export const WEBHOOK_EVENT_TYPES = [
  'link.created',
  'link.revoked',
  'link.exhausted',
  'link.expired',
  'upload.received',
  'upload.downloaded',
  'upload.download_refused',
  'upload.scanned',
  'upload.infected',
  'upload.deleted',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** Standard Webhooks secrets: `whsec_` + base64 of 32 random bytes (the key is the decoded bytes). */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** How long a rotated-out secret still signs deliveries, so receivers can switch without a gap. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60_000;

/** How deliveries fare. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One try waits at most this long for an answer. */
export const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Waits after the 1st, 2nd, ... failed try: two quick ones within a minute, then backing off to about
 * a day in total (23 h 43 m). The last failure marks the delivery failed.
 */
export const RETRY_DELAYS_MS = [5_000, 30_000, 120_000, 600_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 28_800_000, 28_800_000];

/** An endpoint that has not succeeded for this long while failing is disabled. */
export const DISABLE_AFTER_FAILING_MS = 5 * 24 * 60 * 60_000;

/**
 * The wait before the next try after `failedTries` failures, or null when none is left. Jitter of
 * ±20% spreads retries of many deliveries that failed together (a receiver's outage).
 */
export function retryDelayMs(failedTries: number, scale = 1, random = Math.random): number | null {
  const base = RETRY_DELAYS_MS[failedTries - 1];
  if (base === undefined) return null;
  const jitter = failedTries <= 2 ? 1 : 0.8 + random() * 0.4;
  return Math.round(base * jitter * scale);
}
