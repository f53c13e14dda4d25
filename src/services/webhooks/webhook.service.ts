import { randomUUID } from 'node:crypto';
import type { UnitOfWork } from '../../db/unit-of-work.js';
import type { RequestMeta } from '../../domain/records.js';
import type { DeliveryRecord, WebhookRecord } from '../../domain/webhook-records.js';
import { CreateWebhookRule, UpdateWebhookRule } from '../../domain/webhook-rules.js';
import { literalHostProblem } from '../../domain/webhook-url-policy.js';
import { generateWebhookSecret, PREVIOUS_SECRET_GRACE_MS, type WebhookEventType } from '../../domain/webhook-vocabulary.js';
import { AppError } from '../../errors/app-error.js';
import type { WebhookDeliveryRepository } from '../../repositories/webhook-delivery.repository.js';
import type { WebhookRepository } from '../../repositories/webhook.repository.js';
import type { AuditService } from '../audit.service.js';
import type { AuthService, Principal } from '../auth.service.js';
import { cursorId, invalidCursor, pageLimit, toPage, type Page, type PageRequest } from '../paging.js';
import { isUuid, parseOrThrow } from '../validation.js';

/** What an operator gives to register an endpoint (field names as GraphQL and the service use them). */
export interface CreateWebhookInput {
  url: string;
  events: string[];
  description?: string | null | undefined;
}

export interface UpdateWebhookInput {
  url?: string | undefined;
  events?: string[] | undefined;
  enabled?: boolean | undefined;
  description?: string | null | undefined;
}

/** Webhook endpoints of a workspace and their delivery log, for operators. */
export class WebhookService {
  constructor(
    private readonly auth: AuthService,
    private readonly audit: AuditService,
    private readonly unitOfWork: UnitOfWork,
    private readonly webhooks: WebhookRepository,
    private readonly deliveries: WebhookDeliveryRepository,
    private readonly allowPrivate: boolean,
  ) {}

  /** Registers an endpoint; the answer is the only time its secret is shown (besides rotation). */
  async create(principal: Principal, workspaceId: string, input: CreateWebhookInput): Promise<WebhookRecord> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const valid = parseOrThrow(CreateWebhookRule, input);
    this.assertUrlAllowed(valid.url);
    const record: WebhookRecord = {
      id: randomUUID(),
      workspaceId: workspaceId.toLowerCase(),
      url: valid.url,
      events: valid.events,
      enabled: true,
      description: valid.description ?? null,
      secret: generateWebhookSecret(),
      previousSecret: null,
      previousSecretUntil: null,
      createdAt: new Date(),
      lastSuccessAt: null,
      consecutiveFailures: 0,
      failingSince: null,
      disabledReason: null,
    };
    await this.webhooks.insert(record);
    return record;
  }

  async list(principal: Principal, workspaceId: string, request: PageRequest): Promise<Page<WebhookRecord>> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const limit = pageLimit(request);
    const afterId = cursorId(request);
    const after = afterId ? await this.webhooks.findInWorkspace(workspaceId, afterId) : undefined;
    if (afterId && !after) throw invalidCursor();
    const rows = await this.webhooks.listPage(workspaceId, limit, after ? { createdAt: after.createdAt, id: after.id } : undefined);
    return toPage(rows, limit);
  }

  async get(principal: Principal, workspaceId: string, id: string): Promise<WebhookRecord> {
    await this.auth.assertWorkspaceAccess(principal, workspaceId);
    const found = isUuid(id) ? await this.webhooks.findInWorkspace(workspaceId, id) : null;
    if (!found) throw new AppError('not_found', 'No webhook has this id in this workspace.');
    return found;
  }

  async update(principal: Principal, workspaceId: string, id: string, input: UpdateWebhookInput): Promise<WebhookRecord> {
    const existing = await this.get(principal, workspaceId, id);
    const valid = parseOrThrow(UpdateWebhookRule, input);
    if (valid.url !== undefined) this.assertUrlAllowed(valid.url);
    await this.webhooks.update(existing.id, {
      ...(valid.url !== undefined ? { url: valid.url } : {}),
      ...(valid.events !== undefined ? { events: valid.events as WebhookEventType[] } : {}),
      ...(valid.enabled !== undefined ? { enabled: valid.enabled } : {}),
      ...(valid.description !== undefined ? { description: valid.description } : {}),
    });
    return (await this.webhooks.findById(existing.id)) as WebhookRecord;
  }

  /** Removes an endpoint and its delivery log; deliveries still pending are dropped with it. */
  async remove(principal: Principal, workspaceId: string, id: string): Promise<void> {
    const existing = await this.get(principal, workspaceId, id);
    await this.webhooks.delete(existing.id);
  }

  /** A new secret; the old one keeps signing beside it for 24 hours so receivers can switch over. */
  async rotateSecret(principal: Principal, workspaceId: string, id: string): Promise<WebhookRecord> {
    const existing = await this.get(principal, workspaceId, id);
    await this.webhooks.rotateSecret(existing.id, generateWebhookSecret(), new Date(Date.now() + PREVIOUS_SECRET_GRACE_MS));
    return (await this.webhooks.findById(existing.id)) as WebhookRecord;
  }

  async listDeliveries(principal: Principal, workspaceId: string, webhookId: string, request: PageRequest): Promise<Page<DeliveryRecord>> {
    const webhook = await this.get(principal, workspaceId, webhookId);
    const limit = pageLimit(request);
    const afterId = cursorId(request);
    const after = afterId ? await this.deliveries.findOfWebhook(webhook.id, afterId) : undefined;
    if (afterId && !after) throw invalidCursor();
    const rows = await this.deliveries.listPage(webhook.id, limit, after ? { createdAt: after.createdAt, id: after.id } : undefined);
    return toPage(rows, limit);
  }

  /** Sends a delivery again (same webhook-id, so the receiver can tell it is a repeat). */
  async redeliver(principal: Principal, workspaceId: string, webhookId: string, deliveryId: string): Promise<DeliveryRecord> {
    const webhook = await this.get(principal, workspaceId, webhookId);
    const delivery = isUuid(deliveryId) ? await this.deliveries.findOfWebhook(webhook.id, deliveryId) : null;
    if (!delivery) throw new AppError('not_found', 'No delivery has this id on this webhook.');
    await this.deliveries.requeue(delivery.id);
    return (await this.deliveries.findOfWebhook(webhook.id, delivery.id)) as DeliveryRecord;
  }

  /**
   * Disables an endpoint the worker gave up on (a 410, or five days of failures), on the audit
   * trail as webhook.disabled, and stops its pending deliveries.
   */
  async disableForFailures(webhook: WebhookRecord, reason: string, meta: RequestMeta | null = null): Promise<void> {
    const disabled = await this.unitOfWork.run(async (tx) => {
      if (!(await this.webhooks.disable(webhook.id, reason, tx))) return false;
      await this.audit.record(
        { type: 'webhook.disabled', workspaceId: webhook.workspaceId, actor: { kind: 'system', id: null }, meta, detail: { webhook_id: webhook.id, reason } },
        tx,
      );
      return true;
    });
    if (disabled) await this.deliveries.failPendingOf(webhook.id);
  }

  private assertUrlAllowed(value: string): void {
    if (this.allowPrivate) return;
    const problem = literalHostProblem(new URL(value));
    if (problem) throw new AppError('webhook_url_not_allowed', `Webhook URLs must reach a public address: ${problem}.`, { field: 'url' });
  }
}
