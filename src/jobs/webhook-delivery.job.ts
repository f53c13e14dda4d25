import type { Logger } from 'pino';
import type { PgListener } from '../db/pg-listener.js';
import type { DeliveryRecord, WebhookRecord } from '../domain/webhook-records.js';
import { DELIVERY_TIMEOUT_MS, DISABLE_AFTER_FAILING_MS, retryDelayMs } from '../domain/webhook-vocabulary.js';
import { DELIVERY_CHANNEL, type WebhookDeliveryRepository } from '../repositories/webhook-delivery.repository.js';
import type { WebhookRepository } from '../repositories/webhook.repository.js';
import { signatureHeader } from '../services/webhooks/webhook-signature.js';
import { sendWebhook, type SendResult } from '../services/webhooks/webhook-sender.js';
import type { WebhookService } from '../services/webhooks/webhook.service.js';

export interface WebhookDeliveryOptions {
  allowPrivate: boolean;
  /** Multiplies the retry waits (tests shrink them; production leaves 1). */
  retryScale: number;
  /** How often to look for due retries when no NOTIFY arrives. */
  pollMs: number;
}

const BATCH = 50;
// Longer than one try can take, so a lease never runs out under a live worker.
const LEASE_MS = DELIVERY_TIMEOUT_MS + 5_000;

/**
 * Sends the outbox: claims due deliveries (woken at once by the NOTIFY of a commit, and polling for
 * retries), signs and POSTs each, and records the outcome. Any number of processes may run it: a
 * claimed delivery is leased to one of them, and a crash only delays it until the lease runs out.
 */
export class WebhookDeliveryJob {
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  /** A NOTIFY came while a round was running: the next idle returns at once instead of polling. */
  private woken = false;
  private stopListening: (() => void) | undefined;

  constructor(
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly webhooks: WebhookRepository,
    private readonly service: WebhookService,
    private readonly listener: PgListener,
    private readonly options: WebhookDeliveryOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.listener
      .listen(DELIVERY_CHANNEL, () => {
        this.woken = true;
        this.wakeUp?.();
      })
      .then((stop) => {
        if (this.running) this.stopListening = stop;
        else stop();
      })
      .catch((error: unknown) => this.logger.warn({ err: error }, 'cannot LISTEN for new webhook deliveries; polling only'));
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.stopListening?.();
    this.wakeUp?.();
    await this.loop;
  }

  /** Claims and sends one batch of due deliveries; returns how many it sent. */
  async runOnce(): Promise<number> {
    const due = await this.deliveries.claimDue(BATCH, LEASE_MS);
    // One look-up per endpoint and one success mark per endpoint per batch, not per delivery: with
    // many deliveries to one endpoint, per-delivery updates of its row queue up on the row lock.
    const endpoints = new Map<string, Promise<WebhookRecord | null>>();
    const endpoint = (id: string) => {
      let found = endpoints.get(id);
      if (!found) endpoints.set(id, (found = this.webhooks.findById(id)));
      return found;
    };
    const succeeded = new Map<string, Date>();
    await Promise.all(due.map((delivery) => this.deliver(delivery, endpoint, succeeded)));
    for (const [id, at] of succeeded) await this.webhooks.recordSuccess(id, at);
    return due.length;
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      let sent = 0;
      try {
        sent = await this.runOnce();
      } catch (error) {
        this.logger.warn({ err: error }, 'webhook delivery round failed; trying again');
      }
      if (sent === 0 && this.running) await this.idle();
    }
  }

  private idle(): Promise<void> {
    // A commit announced during the round that just found nothing (its claim ran before the row was
    // visible) would otherwise wait out the poll interval.
    if (this.woken) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, this.options.pollMs);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wakeUp = done;
    });
  }

  private async deliver(delivery: DeliveryRecord, endpoint: (id: string) => Promise<WebhookRecord | null>, succeeded: Map<string, Date>): Promise<void> {
    const webhook = await endpoint(delivery.webhookId);
    const at = new Date();
    if (!webhook?.enabled) {
      await this.deliveries.markFailed(delivery.id, { at, statusCode: null, durationMs: 0, error: 'the endpoint is disabled' }, null);
      return;
    }
    const secrets = [webhook.secret];
    if (webhook.previousSecret && webhook.previousSecretUntil && webhook.previousSecretUntil > at) secrets.push(webhook.previousSecret);
    const timestamp = Math.floor(at.getTime() / 1000);
    const headers = {
      'webhook-id': delivery.id,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatureHeader(secrets, delivery.id, timestamp, delivery.body),
    };
    const result: SendResult = await sendWebhook(webhook.url, headers, delivery.body, this.options.allowPrivate);
    const outcome = { at, ...result };
    if (result.error === null) {
      await this.deliveries.markSucceeded(delivery.id, outcome);
      const latest = succeeded.get(webhook.id);
      if (!latest || latest < at) succeeded.set(webhook.id, at);
      return;
    }
    const wait = retryDelayMs(delivery.attempts + 1, this.options.retryScale);
    await this.deliveries.markFailed(delivery.id, outcome, wait === null ? null : new Date(Date.now() + wait));
    const now = await this.webhooks.recordFailure(webhook.id, at);
    this.logger.info({ webhookId: webhook.id, deliveryId: delivery.id, statusCode: result.statusCode, error: result.error }, 'webhook delivery failed');
    if (result.statusCode === 410) {
      await this.service.disableForFailures(webhook, 'the receiver answered 410 Gone');
    } else if (now?.failingSince && at.getTime() - now.failingSince.getTime() >= DISABLE_AFTER_FAILING_MS) {
      await this.service.disableForFailures(webhook, 'no successful delivery for 5 days');
    }
  }
}
