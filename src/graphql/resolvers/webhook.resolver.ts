import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { WebhookEventType } from '../../domain/webhook-vocabulary.js';
import type { GraphQLContext } from '../context.js';
import { toDeliveryType, toWebhookType, WebhookDeliveryType, WebhookEventTypeEnum, WebhookType } from '../types/webhook.type.js';

@InputType('CreateWebhookInput')
class CreateWebhookInput {
  @Field() url!: string;
  @Field(() => [WebhookEventTypeEnum]) events!: WebhookEventType[];
  @Field(() => String, { nullable: true }) description?: string | null;
}

@InputType('UpdateWebhookInput')
class UpdateWebhookInput {
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => [WebhookEventTypeEnum], { nullable: true }) events?: WebhookEventType[];
  @Field(() => Boolean, { nullable: true }) enabled?: boolean;
  @Field(() => String, { nullable: true }) description?: string | null;
}

// GraphQL passes null for an omitted nullable field; the service reads undefined as "unchanged".
const defined = <T extends object>(input: T) => Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as T;

@Resolver(() => WebhookType)
export class WebhookResolver {
  @Query(() => [WebhookType], { description: 'Webhook endpoints of a workspace, newest first (secrets are null here).' })
  async webhooks(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true }) cursor: string | null,
  ): Promise<WebhookType[]> {
    const page = await ctx.services.webhooks.list(await ctx.principal(), workspaceId, { limit, cursor });
    return page.items.map((webhook) => toWebhookType(webhook));
  }

  @Query(() => WebhookType)
  async webhook(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID) workspaceId: string, @Arg('id', () => ID) id: string): Promise<WebhookType> {
    return toWebhookType(await ctx.services.webhooks.get(await ctx.principal(), workspaceId, id));
  }

  @Query(() => [WebhookDeliveryType], { description: 'The delivery log of a webhook, newest first.' })
  async webhookDeliveries(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true }) cursor: string | null,
  ): Promise<WebhookDeliveryType[]> {
    const page = await ctx.services.webhooks.listDeliveries(await ctx.principal(), workspaceId, webhookId, { limit, cursor });
    return page.items.map(toDeliveryType);
  }

  @Mutation(() => WebhookType, { description: 'Registers an endpoint; the answer carries its secret (shown only here and on rotation).' })
  async createWebhook(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID) workspaceId: string, @Arg('input') input: CreateWebhookInput): Promise<WebhookType> {
    return toWebhookType(await ctx.services.webhooks.create(await ctx.principal(), workspaceId, defined({ ...input })), true);
  }

  @Mutation(() => WebhookType)
  async updateWebhook(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateWebhookInput,
  ): Promise<WebhookType> {
    const { url, events, enabled, description } = input;
    const changes = defined({ url: url ?? undefined, events: events ?? undefined, enabled: enabled ?? undefined, description });
    return toWebhookType(await ctx.services.webhooks.update(await ctx.principal(), workspaceId, id, changes));
  }

  @Mutation(() => Boolean)
  async deleteWebhook(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID) workspaceId: string, @Arg('id', () => ID) id: string): Promise<boolean> {
    await ctx.services.webhooks.remove(await ctx.principal(), workspaceId, id);
    return true;
  }

  @Mutation(() => WebhookType, { description: 'A new secret; the previous one keeps signing beside it for 24 hours.' })
  async rotateWebhookSecret(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID) workspaceId: string, @Arg('id', () => ID) id: string): Promise<WebhookType> {
    return toWebhookType(await ctx.services.webhooks.rotateSecret(await ctx.principal(), workspaceId, id), true);
  }

  @Mutation(() => WebhookDeliveryType, { description: 'Sends a delivery again, with the same webhook-id.' })
  async redeliverWebhookDelivery(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('webhookId', () => ID) webhookId: string,
    @Arg('deliveryId', () => ID) deliveryId: string,
  ): Promise<WebhookDeliveryType> {
    return toDeliveryType(await ctx.services.webhooks.redeliver(await ctx.principal(), workspaceId, webhookId, deliveryId));
  }
}
