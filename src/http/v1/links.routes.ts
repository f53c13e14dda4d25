import { z } from 'zod';
import { customerSlugRule, displayNameRule, expiresInHoursRule, LINK_LIMITS, maxUploadsRule } from '../../domain/link-rules.js';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { nextPageLink } from './link-header.js';
import { booleanParam, cursorParam, limitParam } from './query-params.js';
import { LinkObject, toLinkObject, toUploadObject, UploadObject } from './representations.js';
import type { RouteDeps } from './route-deps.js';

const CreateLinkBody = z.strictObject({
  customer_slug: customerSlugRule.meta({ description: 'Customer identifier (slug format)', example: 'acme-dental' }),
  display_name: displayNameRule.optional().meta({ description: 'Display name shown on the upload page' }),
  expires_in_hours: expiresInHoursRule
    .optional()
    .meta({ description: `Hours until the link expires (default ${LINK_LIMITS.expiresInHours.default})` }),
  max_uploads: maxUploadsRule.optional().meta({ description: `Maximum number of files (default ${LINK_LIMITS.maxUploads.default})` }),
});

const ListLinksQuery = z.object({
  include_expired: booleanParam.optional().meta({ description: 'Include expired, revoked and exhausted links (default false)' }),
  limit: limitParam.optional(),
  cursor: cursorParam.optional(),
});

const ListUploadsQuery = z.object({
  limit: limitParam.optional(),
  cursor: cursorParam.optional(),
});

/** Intake links: the documented contract. */
export function linkRoutes({ services, config }: RouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/{workspace_id}/intake/links',
      operationId: 'createIntakeLink',
      summary: 'Create an upload link',
      description: 'Generates a new shareable upload link for a customer.',
      tag: 'Intake links',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      body: { kind: 'json', schema: CreateLinkBody },
      responses: { 201: { description: 'The new link', schema: LinkObject } },
      errors: [],
      handle: async ({ principal, params, body, meta }) => {
        const link = await services.links.create(
          principal,
          params.workspace_id,
          {
            customerSlug: body.customer_slug,
            displayName: body.display_name,
            expiresInHours: body.expires_in_hours,
            maxUploads: body.max_uploads,
          },
          meta,
        );
        return { kind: 'json', status: 201, body: toLinkObject(link) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/intake/links',
      operationId: 'listIntakeLinks',
      summary: 'List upload links',
      description:
        'Returns upload links for the workspace, newest first. By default, only active links are returned. ' +
        'Pages hold `limit` links (default 100); when more follow, a `Link: <...>; rel="next"` header names the next page.',
      tag: 'Intake links',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      query: ListLinksQuery,
      responses: {
        200: { description: 'Array of link objects', schema: z.array(LinkObject), headers: { Link: 'The next page, when there is one' } },
      },
      errors: [],
      handle: async ({ principal, params, query, req }) => {
        const page = await services.links.list(principal, params.workspace_id, {
          includeInactive: query.include_expired ?? false,
          limit: query.limit,
          cursor: query.cursor,
        });
        return {
          kind: 'json',
          status: 200,
          body: page.items.map(toLinkObject),
          headers: nextPageLink(req, page.nextCursor, config.http.publicBaseUrl),
        };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/intake/links/{link_id}',
      operationId: 'getIntakeLink',
      summary: 'Show one upload link, whatever its status',
      tag: 'Intake links',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link' },
      responses: { 200: { description: 'The link', schema: LinkObject } },
      errors: [],
      handle: async ({ principal, params }) => {
        const link = await services.links.require(principal, params.workspace_id, params.link_id);
        return { kind: 'json', status: 200, body: toLinkObject(link) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/{workspace_id}/intake/links/{link_id}',
      operationId: 'revokeIntakeLink',
      summary: 'Revoke an upload link',
      description: 'Revokes an upload link. Customers who try to use a revoked link will see an error page.',
      tag: 'Intake links',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link to revoke' },
      responses: { 204: { description: 'Revoked' } },
      errors: [],
      handle: async ({ principal, params, meta }) => {
        await services.links.revoke(principal, params.workspace_id, params.link_id, meta);
        return { kind: 'empty', status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/{workspace_id}/intake/links/{link_id}/uploads',
      operationId: 'listLinkUploads',
      summary: 'List uploads for a link',
      description:
        'Returns files uploaded through a specific link, newest first: all of them (at most the link\'s max_uploads) unless `limit` ' +
        'is given; with `limit` (1-1000), when more follow, a `Link: <...>; rel="next"` header names the next page.',
      tag: 'Uploads',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', link_id: 'The link to query' },
      query: ListUploadsQuery,
      responses: {
        200: { description: 'Array of upload objects', schema: z.array(UploadObject), headers: { Link: 'The next page, when there is one' } },
      },
      errors: [],
      handle: async ({ principal, params, query, req }) => {
        const page = await services.uploads.listForLink(principal, params.workspace_id, params.link_id, {
          whole: true,
          limit: query.limit,
          cursor: query.cursor,
        });
        return {
          kind: 'json',
          status: 200,
          body: page.items.map(toUploadObject),
          headers: nextPageLink(req, page.nextCursor, config.http.publicBaseUrl),
        };
      },
    }),
  ];
}
