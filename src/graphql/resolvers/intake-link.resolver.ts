import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { CreateIntakeLinkInput } from '../inputs/create-intake-link.input.js';
import { IntakeLinkType, toIntakeLinkType } from '../types/intake-link.type.js';
import { toUploadType, UploadType } from '../types/upload.type.js';
import { cursorId, pageLimit } from '../../services/paging.js';

/** Links for operators; every rule is in LinkService, this only translates. */
@Resolver(() => IntakeLinkType)
export class IntakeLinkResolver {
  @Query(() => [IntakeLinkType], {
    description: 'Links of a workspace, newest first; only ACTIVE ones unless includeExpired. Pages of `limit` (default 100); pass the id of the last link as `cursor` for the next page.',
  })
  async intakeLinks(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('includeExpired', () => Boolean, { nullable: true, defaultValue: false, description: 'Include expired, revoked and exhausted links' })
    includeExpired: boolean | null,
    @Arg('limit', () => Int, { nullable: true, description: 'Page size, 1-1000 (default 100)' }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true, description: 'The id of the last link of the previous page' }) cursor: string | null,
  ): Promise<IntakeLinkType[]> {
    const page = await ctx.services.links.list(await ctx.principal(), workspaceId, { includeInactive: includeExpired, limit, cursor });
    return page.items.map(toIntakeLinkType);
  }

  @Query(() => IntakeLinkType, { nullable: true, description: 'One link of the workspace, whatever its status; null when there is none.' })
  async intakeLink(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('id', () => ID) id: string,
  ): Promise<IntakeLinkType | null> {
    const link = await ctx.services.links.get(await ctx.principal(), workspaceId, id);
    return link ? toIntakeLinkType(link) : null;
  }

  @Mutation(() => IntakeLinkType, { description: 'Creates an upload link for a customer.' })
  async createIntakeLink(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('input', () => CreateIntakeLinkInput) input: CreateIntakeLinkInput,
  ): Promise<IntakeLinkType> {
    const link = await ctx.services.links.create(await ctx.principal(), workspaceId, { ...input }, ctx.meta);
    return toIntakeLinkType(link);
  }

  @Mutation(() => IntakeLinkType, { description: 'Revokes a link at once. NOT_FOUND when it does not exist or is already revoked.' })
  async revokeIntakeLink(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('id', () => ID) id: string,
  ): Promise<IntakeLinkType> {
    return toIntakeLinkType(await ctx.services.links.revoke(await ctx.principal(), workspaceId, id, ctx.meta));
  }

  @FieldResolver(() => [UploadType], {
    description: 'Files received through the link, newest first. Pages of `limit` (default 100); pass the id of the last upload as `cursor` for the next page.',
  })
  async uploads(
    @Root() link: IntakeLinkType,
    @Ctx() ctx: GraphQLContext,
    @Arg('limit', () => Int, { nullable: true, description: 'Page size, 1-1000 (default 100)' }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true, description: 'The id of the last upload of the previous page' }) cursor: string | null,
  ): Promise<UploadType[]> {
    const size = pageLimit({ limit });
    const after = cursorId({ cursor });
    // A cursor names a place in one link's list: that page is read on its own; first pages are batched.
    if (after !== undefined) return (await ctx.services.uploads.pageOfLink(link.id, size, after)).items.map(toUploadType);
    return (await ctx.uploadsByLink.load({ linkId: link.id, limit: size })).map(toUploadType);
  }
}
