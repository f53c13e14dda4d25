import { z } from 'zod';
import { webhookDescriptionRule, webhookEventsRule, webhookUrlRule } from '../../domain/webhook-rules.js';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { nextPageLink } from './link-header.js';
import { cursorParam, limitParam } from './query-params.js';
import type { RouteDeps } from './route-deps.js';
import { DeliveryObject, toDeliveryObject, toWebhookObject, toWebhookWithSecret, WebhookObject, WebhookWithSecretObject } from './webhook-representations.js';

const CreateWebhookBody = z.strictObject({
  url: webhookUrlRule.meta({ description: 'Where deliveries are POSTed (http or https, a public address)' }),
  events: webhookEventsRule.meta({ description: 'The event types to receive' }),
  description: webhookDescriptionRule.nullish(),
});

const UpdateWebhookBody = z.strictObject({
  url: webhookUrlRule.optional(),
  events: webhookEventsRule.optional(),
  enabled: z.boolean().optional().meta({ description: 'false pauses deliveries; true re-enables (and clears the failure count)' }),
  description: webhookDescriptionRule.nullish(),
});

const PageQuery = z.object({ limit: limitParam.optional(), cursor: cursorParam.optional() });

const WEBHOOK = { workspace_id: 'The workspace', webhook_id: 'The webhook' };
const READ_ERRORS = ['unauthorized', 'forbidden', 'not_found'] as const;
const WRITE_ERRORS = [...READ_ERRORS, 'invalid_json', 'validation_error', 'webhook_url_not_allowed', 'payload_too_large'] as const;

/** Webhook endpoints and their delivery log. */
export function webhookRoutes({ services, config }: RouteDeps): AnyRoute[] {
  const { webhooks } = services;
  return [
    defineRoute({
      method: 'post',
      path: '/v1/{workspace_id}/webhooks',
      operationId: 'createWebhook',
      summary: 'Register a webhook endpoint',
      description:
        'Deliveries follow the Standard Webhooks specification (headers webhook-id, webhook-timestamp, webhook-signature). ' +
        'The signing secret is in this answer only (and in that of a rotation).',
      tag: 'Webhooks',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      body: { kind: 'json', schema: CreateWebhookBody },
      responses: { 201: { description: 'The new endpoint, with its secret', schema: WebhookWithSecretObject } },
      errors: [...WRITE_ERRORS],
      handle: async ({ principal, params, body }) => {
        const created = await webhooks.create(principal, params.workspace_id, body);
        return { kind: 'json', status: 201, body: toWebhookWithSecret(created) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/webhooks',
      operationId: 'listWebhooks',
      summary: 'List webhook endpoints',
      description: 'Newest first, paged like the link list (`Link: <...>; rel="next"`). Secrets are never listed.',
      tag: 'Webhooks',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      query: PageQuery,
      responses: { 200: { description: 'Array of webhooks', schema: z.array(WebhookObject), headers: { Link: 'The next page, when there is one' } } },
      errors: ['unauthorized', 'forbidden', 'not_found', 'validation_error'],
      handle: async ({ principal, params, query, req }) => {
        const page = await webhooks.list(principal, params.workspace_id, query);
        return { kind: 'json', status: 200, body: page.items.map(toWebhookObject), headers: nextPageLink(req, page.nextCursor, config.http.publicBaseUrl) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}',
      operationId: 'getWebhook',
      summary: 'Get a webhook endpoint',
      tag: 'Webhooks',
      auth: 'bearer',
      params: WEBHOOK,
      responses: { 200: { description: 'The webhook', schema: WebhookObject } },
      errors: [...READ_ERRORS],
      handle: async ({ principal, params }) => ({
        kind: 'json',
        status: 200,
        body: toWebhookObject(await webhooks.get(principal, params.workspace_id, params.webhook_id)),
      }),
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}',
      operationId: 'updateWebhook',
      summary: 'Change a webhook endpoint',
      tag: 'Webhooks',
      auth: 'bearer',
      params: WEBHOOK,
      body: { kind: 'json', schema: UpdateWebhookBody },
      responses: { 200: { description: 'The webhook as changed', schema: WebhookObject } },
      errors: [...WRITE_ERRORS],
      handle: async ({ principal, params, body }) => ({
        kind: 'json',
        status: 200,
        body: toWebhookObject(await webhooks.update(principal, params.workspace_id, params.webhook_id, body)),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}',
      operationId: 'deleteWebhook',
      summary: 'Delete a webhook endpoint',
      description: 'Removes the endpoint and its delivery log; nothing more is sent to it.',
      tag: 'Webhooks',
      auth: 'bearer',
      params: WEBHOOK,
      responses: { 204: { description: 'Deleted' } },
      errors: [...READ_ERRORS],
      handle: async ({ principal, params }) => {
        await webhooks.remove(principal, params.workspace_id, params.webhook_id);
        return { kind: 'empty', status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}/rotate-secret',
      operationId: 'rotateWebhookSecret',
      summary: 'Issue a new signing secret',
      description: 'The previous secret stays valid for 24 hours: meanwhile every delivery carries a signature by each.',
      tag: 'Webhooks',
      auth: 'bearer',
      params: WEBHOOK,
      responses: { 200: { description: 'The webhook with its new secret', schema: WebhookWithSecretObject } },
      errors: [...READ_ERRORS],
      handle: async ({ principal, params }) => ({
        kind: 'json',
        status: 200,
        body: toWebhookWithSecret(await webhooks.rotateSecret(principal, params.workspace_id, params.webhook_id)),
      }),
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}/deliveries',
      operationId: 'listWebhookDeliveries',
      summary: 'The delivery log of a webhook',
      description: 'Newest first: tries, last status code and duration, next retry. Paged like the link list.',
      tag: 'Webhooks',
      auth: 'bearer',
      params: WEBHOOK,
      query: PageQuery,
      responses: { 200: { description: 'Array of deliveries', schema: z.array(DeliveryObject), headers: { Link: 'The next page, when there is one' } } },
      errors: [...READ_ERRORS, 'validation_error'],
      handle: async ({ principal, params, query, req }) => {
        const page = await webhooks.listDeliveries(principal, params.workspace_id, params.webhook_id, query);
        return { kind: 'json', status: 200, body: page.items.map(toDeliveryObject), headers: nextPageLink(req, page.nextCursor, config.http.publicBaseUrl) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/{workspace_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver',
      operationId: 'redeliverWebhookDelivery',
      summary: 'Send a delivery again',
      description: 'Queues the delivery now, with the same webhook-id (receivers dedupe on it).',
      tag: 'Webhooks',
      auth: 'bearer',
      params: { ...WEBHOOK, delivery_id: 'The delivery' },
      responses: { 202: { description: 'Queued', schema: DeliveryObject } },
      errors: [...READ_ERRORS],
      handle: async ({ principal, params }) => ({
        kind: 'json',
        status: 202,
        body: toDeliveryObject(await webhooks.redeliver(principal, params.workspace_id, params.webhook_id, params.delivery_id)),
      }),
    }),
  ];
}
