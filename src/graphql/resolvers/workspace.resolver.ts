import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import {
  ApiKeyType,
  CreatedWorkspaceType,
  IssuedApiKeyType,
  toApiKeyType,
  toIssuedApiKeyType,
  toWorkspaceType,
  WorkspaceType,
} from '../types/workspace.type.js';

/** Workspaces and the lifecycle of their API keys: the same service calls as REST. */
@Resolver(() => WorkspaceType)
export class WorkspaceResolver {
  @Query(() => WorkspaceType, { description: 'One workspace (the admin token, or a key of that workspace).' })
  async workspace(@Ctx() ctx: GraphQLContext, @Arg('id', () => ID, { description: 'The workspace id' }) id: string): Promise<WorkspaceType> {
    return toWorkspaceType(await ctx.services.workspaces.get(await ctx.principal(), id));
  }

  @Query(() => [ApiKeyType], { description: 'The API keys of a workspace, revoked ones included, oldest first; never a secret.' })
  async apiKeys(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID, { description: 'The workspace id' }) workspaceId: string): Promise<ApiKeyType[]> {
    return (await ctx.services.workspaces.listApiKeys(await ctx.principal(), workspaceId)).map(toApiKeyType);
  }

  @Mutation(() => CreatedWorkspaceType, { description: 'Creates a workspace and its first API key (admin token only).' })
  async createWorkspace(@Ctx() ctx: GraphQLContext, @Arg('name', { description: 'The workspace name' }) name: string): Promise<CreatedWorkspaceType> {
    const { workspace, apiKey } = await ctx.services.workspaces.create(await ctx.principal(), { name }, ctx.meta);
    return { workspace: toWorkspaceType(workspace), apiKey: toIssuedApiKeyType(apiKey) };
  }

  @Mutation(() => WorkspaceType, { description: "Changes a workspace's settings: notifyEmail, where an e-mail goes when files arrive (null for none)." })
  async updateWorkspace(
    @Ctx() ctx: GraphQLContext,
    @Arg('id', () => ID, { description: 'The workspace id' }) id: string,
    @Arg('notifyEmail', () => String, { nullable: true, description: 'An e-mail address, or null to send none' }) notifyEmail: string | null,
  ): Promise<WorkspaceType> {
    return toWorkspaceType(await ctx.services.workspaces.update(await ctx.principal(), id, { notify_email: notifyEmail ?? null }, ctx.meta));
  }

  @Mutation(() => IssuedApiKeyType, { description: 'Issues another API key for a workspace (admin token only).' })
  async issueApiKey(@Ctx() ctx: GraphQLContext, @Arg('workspaceId', () => ID, { description: 'The workspace id' }) workspaceId: string): Promise<IssuedApiKeyType> {
    return toIssuedApiKeyType(await ctx.services.workspaces.issueApiKey(await ctx.principal(), workspaceId, ctx.meta));
  }

  @Mutation(() => ApiKeyType, { description: 'Revokes an API key at once (the admin token, or the key itself). NOT_FOUND when it is unknown or already revoked.' })
  async revokeApiKey(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID, { description: 'The workspace id' }) workspaceId: string,
    @Arg('id', () => ID, { description: 'The key id' }) id: string,
  ): Promise<ApiKeyType> {
    return toApiKeyType(await ctx.services.workspaces.revokeApiKey(await ctx.principal(), workspaceId, id, ctx.meta));
  }
}
