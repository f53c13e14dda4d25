import { Arg, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context.js';
import { AuditEventType, toAuditEventType } from '../types/audit-event.type.js';

@Resolver(() => AuditEventType)
export class AuditEventResolver {
  @Query(() => [AuditEventType], {
    description: 'Audit events of a workspace, newest first. Pages of `limit` (default 100); pass the id of the last event as `cursor` for the next page.',
  })
  async auditEvents(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('linkId', () => ID, { nullable: true }) linkId: string | null,
    @Arg('uploadId', () => ID, { nullable: true }) uploadId: string | null,
    @Arg('since', () => Date, { nullable: true, description: 'Only events at or after this time' }) since: Date | null,
    @Arg('until', () => Date, { nullable: true, description: 'Only events before this time' }) until: Date | null,
    @Arg('limit', () => Int, { nullable: true, description: 'Page size, 1-1000 (default 100)' }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true, description: 'The id of the last event of the previous page' }) cursor: string | null,
  ): Promise<AuditEventType[]> {
    const page = await ctx.services.audit.list(await ctx.principal(), workspaceId, { linkId, uploadId, since, until, limit, cursor });
    return page.items.map(toAuditEventType);
  }
}
