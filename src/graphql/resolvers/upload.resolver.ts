import type { FileUpload } from 'graphql-upload-minimal';
import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { PUBLIC_PATHS } from '../../domain/public-paths.js';
import type { GraphQLContext } from '../context.js';
import { filePartStream } from '../file-part.js';
import { FileScalar } from '../scalars/file.scalar.js';
import { toUploadType, UploadType } from '../types/upload.type.js';

/** Uploads: the operator's listing and the customer's public multipart mutation. */
@Resolver(() => UploadType)
export class UploadResolver {
  @Query(() => [UploadType], {
    description: 'Files received through a link, newest first. Pages of `limit` (default 100); pass the id of the last upload as `cursor` for the next page.',
  })
  async uploads(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('linkId', () => ID) linkId: string,
    @Arg('limit', () => Int, { nullable: true, description: 'Page size, 1-1000 (default 100)' }) limit: number | null,
    @Arg('cursor', () => String, { nullable: true, description: 'The id of the last upload of the previous page' }) cursor: string | null,
  ): Promise<UploadType[]> {
    const page = await ctx.services.uploads.listForLink(await ctx.principal(), workspaceId, linkId, { limit, cursor });
    return page.items.map(toUploadType);
  }

  @Mutation(() => Boolean, {
    description:
      'Deletes an upload: its stored file and its object (an infected file stays quarantined until this). Its audit events stay ' +
      'and upload.deleted is added; the link does not get its slot back. Answers true.',
  })
  async deleteUpload(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('linkId', () => ID) linkId: string,
    @Arg('uploadId', () => ID) uploadId: string,
  ): Promise<boolean> {
    await ctx.services.uploads.delete(await ctx.principal(), workspaceId, linkId, uploadId, ctx.meta);
    return true;
  }

  @Mutation(() => UploadType, {
    description: 'Makes an upload pending and queues a new scan (after a signature update); the verdict records a new scannedAt.',
  })
  async rescanUpload(
    @Ctx() ctx: GraphQLContext,
    @Arg('workspaceId', () => ID) workspaceId: string,
    @Arg('linkId', () => ID) linkId: string,
    @Arg('uploadId', () => ID) uploadId: string,
  ): Promise<UploadType> {
    return toUploadType(await ctx.services.scans.requestRescan(await ctx.principal(), workspaceId, linkId, uploadId, ctx.meta));
  }

  @Mutation(() => UploadType, {
    description:
      `Public (the link token is the credential): uploads one file through a link, with the same checks as POST ${PUBLIC_PATHS.uploadFiles}. ` +
      'Send a GraphQL multipart request with the header apollo-require-preflight: true.',
  })
  async uploadToIntakeLink(
    @Ctx() ctx: GraphQLContext,
    @Arg('linkToken') linkToken: string,
    @Arg('file', () => FileScalar) file: Promise<FileUpload>,
  ): Promise<UploadType> {
    const part = await file;
    const body = filePartStream(part.createReadStream(), ctx.maxUploadBytes);
    try {
      // The /graphql gate counted this request (per key, or per address without one).
      const open = await ctx.services.intake.openLinkForCountedCaller(linkToken, ctx.meta);
      const admitted = ctx.services.intake.admitFile(open, { filename: part.filename, contentType: part.mimetype, declaredSize: undefined });
      return toUploadType(await ctx.services.intake.store(admitted, body));
    } finally {
      // A refused file is never read; discard it so the request can finish.
      if (!body.readableEnded) body.resume();
    }
  }
}
