import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { NotificationEvent, DeliveryRecord, WebhookRecord } from '../../domain/webhook-records.js';
import { DELIVERY_STATUSES, WEBHOOK_EVENT_TYPES, type DeliveryStatus, type WebhookEventType } from '../../domain/webhook-vocabulary.js';
import { vocabularyEnum } from './vocabulary-enum.js';

export const WebhookEventTypeEnum = vocabularyEnum(WEBHOOK_EVENT_TYPES, {
  name: 'WebhookEventType',
  description: 'Events webhooks and subscriptions carry (REST spells them dotted: link.created, upload.received, ...).',
});

const DeliveryStatusEnum = vocabularyEnum(DELIVERY_STATUSES, { name: 'WebhookDeliveryStatus', description: 'How a delivery fares.' });

@ObjectType('Webhook', { simpleResolvers: true, description: 'An endpoint that receives signed deliveries (Standard Webhooks).' })
export class WebhookType {
  @Field(() => ID) id!: string;
  @Field() url!: string;
  @Field(() => [WebhookEventTypeEnum]) events!: WebhookEventType[];
  @Field() enabled!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { description: 'The signing secret: only in the answers of createWebhook and rotateWebhookSecret, else null', nullable: true })
  secret!: string | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) lastSuccessAt!: Date | null;
  @Field(() => Int) consecutiveFailures!: number;
  @Field(() => String, { nullable: true, description: 'Why the server disabled it, else null' }) disabledReason!: string | null;
}

@ObjectType('WebhookDelivery', { simpleResolvers: true, description: 'One event for one endpoint, and how its delivery went.' })
export class WebhookDeliveryType {
  @Field(() => ID, { description: 'Also the webhook-id header of every try' }) id!: string;
  @Field(() => ID) webhookId!: string;
  @Field(() => WebhookEventTypeEnum) eventType!: WebhookEventType;
  @Field(() => DeliveryStatusEnum) status!: DeliveryStatus;
  @Field(() => Int) attempts!: number;
  @Field(() => Int, { nullable: true }) lastStatusCode!: number | null;
  @Field(() => Int, { nullable: true }) lastDurationMs!: number | null;
  @Field(() => String, { nullable: true }) lastError!: string | null;
  @Field(() => Date, { nullable: true }) lastAttemptAt!: Date | null;
  @Field(() => Date, { nullable: true }) nextAttemptAt!: Date | null;
  @Field() createdAt!: Date;
  @Field(() => Date, { nullable: true }) deliveredAt!: Date | null;
  @Field(() => GraphQLJSONObject, { description: 'The body as sent: {type, timestamp, data}' }) payload!: Record<string, unknown>;
}

@ObjectType('NotificationEvent', { simpleResolvers: true, description: 'An event as webhooks deliver it: the same type, timestamp and data.' })
export class NotificationEventType {
  @Field(() => WebhookEventTypeEnum) type!: WebhookEventType;
  @Field() timestamp!: Date;
  @Field(() => GraphQLJSONObject, { description: 'Ids and file facts (snake_case keys, as in webhook bodies)' }) data!: Record<string, unknown>;
}

export function toWebhookType(webhook: WebhookRecord, withSecret = false): WebhookType {
  const { workspaceId: _w, previousSecret: _p, previousSecretUntil: _u, failingSince: _f, secret, ...rest } = webhook;
  return Object.assign(new WebhookType(), { ...rest, secret: withSecret ? secret : null });
}

export function toDeliveryType(delivery: DeliveryRecord): WebhookDeliveryType {
  const { workspaceId: _w, body, ...rest } = delivery;
  return Object.assign(new WebhookDeliveryType(), {
    ...rest,
    nextAttemptAt: delivery.status === 'pending' ? delivery.nextAttemptAt : null,
    payload: JSON.parse(body) as Record<string, unknown>,
  });
}

export function toNotificationEventType(event: NotificationEvent): NotificationEventType {
  return Object.assign(new NotificationEventType(), { type: event.type, timestamp: new Date(event.timestamp), data: event.data });
}
