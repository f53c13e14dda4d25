import { z } from 'zod';
import { workspaceNameRule } from '../../domain/link-rules.js';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import { ApiKeyCreatedObject, toApiKeyCreatedObject, toWorkspaceCreatedObject, WorkspaceCreatedObject } from './representations.js';
import type { RouteDeps } from './route-deps.js';

/** Workspaces and API keys. */
export function workspaceRoutes({ services }: RouteDeps): AnyRoute[] {
  return [
    defineRoute({
      method: 'post',
      path: '/v1/workspaces',
      operationId: 'createWorkspace',
      summary: 'Create a workspace and its first API key (admin token only)',
      tag: 'Workspaces',
      auth: 'bearer',
      body: { kind: 'json', schema: z.strictObject({ name: workspaceNameRule }) },
      responses: { 201: { description: 'The workspace, with its first API key (shown once)', schema: WorkspaceCreatedObject } },
      errors: ['unauthorized', 'forbidden', 'invalid_json', 'validation_error', 'payload_too_large'],
      handle: async ({ principal, body }) => {
        const { workspace, apiKey } = await services.workspaces.create(principal, body);
        return { kind: 'json', status: 201, body: toWorkspaceCreatedObject(workspace, apiKey) };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/v1/workspaces/{workspace_id}/api-keys',
      operationId: 'createApiKey',
      summary: 'Issue another API key for a workspace (admin token only)',
      tag: 'Workspaces',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      responses: { 201: { description: 'The new key (shown once)', schema: ApiKeyCreatedObject } },
      errors: ['unauthorized', 'forbidden', 'not_found'],
      handle: async ({ principal, params }) => {
        const key = await services.workspaces.issueApiKey(principal, params.workspace_id);
        return { kind: 'json', status: 201, body: toApiKeyCreatedObject(key) };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/v1/workspaces/{workspace_id}/api-keys/{key_id}',
      operationId: 'revokeApiKey',
      summary: 'Revoke an API key at once (the admin token, or the key itself)',
      tag: 'Workspaces',
      auth: 'bearer',
      params: { workspace_id: 'The workspace', key_id: 'The key to revoke' },
      responses: { 204: { description: 'Revoked' } },
      errors: ['unauthorized', 'forbidden', 'not_found'],
      handle: async ({ principal, params }) => {
        await services.workspaces.revokeApiKey(principal, params.workspace_id, params.key_id);
        return { kind: 'empty', status: 204 };
      },
    }),
  ];
}
