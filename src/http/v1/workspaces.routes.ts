import { z } from 'zod';
import { notifyEmailRule, workspaceNameRule } from '../../domain/link-rules.js';
import { defineRoute, type AnyRoute } from '../route-table/route-definition.js';
import {
  ApiKeyCreatedObject,
  ApiKeyObject,
  toApiKeyCreatedObject,
  toApiKeyObject,
  toWorkspaceCreatedObject,
  toWorkspaceObject,
  WorkspaceCreatedObject,
  WorkspaceObject,
} from './representations.js';
import type { RouteDeps } from './route-deps.js';

/** Workspaces and the lifecycle of their API keys. */
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
      responses: { 201: { description: 'The workspace, with its first API key (shown once) and that key\'s id', schema: WorkspaceCreatedObject } },
      errors: [],
      handle: async ({ principal, body, meta }) => {
        const { workspace, apiKey } = await services.workspaces.create(principal, body, meta);
        return { kind: 'json', status: 201, body: toWorkspaceCreatedObject(workspace, apiKey) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/workspaces/{workspace_id}',
      operationId: 'getWorkspace',
      summary: 'Show a workspace (the admin token, or a key of that workspace)',
      tag: 'Workspaces',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      responses: { 200: { description: 'The workspace', schema: WorkspaceObject } },
      errors: [],
      handle: async ({ principal, params }) => {
        const workspace = await services.workspaces.get(principal, params.workspace_id);
        return { kind: 'json', status: 200, body: toWorkspaceObject(workspace) };
      },
    }),
    defineRoute({
      method: 'patch',
      path: '/v1/workspaces/{workspace_id}',
      operationId: 'updateWorkspace',
      summary: 'Change a workspace\'s settings: notify_email, where an e-mail goes when files arrive (null for none)',
      tag: 'Workspaces',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      body: { kind: 'json', schema: z.strictObject({ notify_email: notifyEmailRule }) },
      responses: { 200: { description: 'The workspace as changed', schema: WorkspaceObject } },
      errors: [],
      handle: async ({ principal, params, body, meta }) => {
        const workspace = await services.workspaces.update(principal, params.workspace_id, body, meta);
        return { kind: 'json', status: 200, body: toWorkspaceObject(workspace) };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/v1/workspaces/{workspace_id}/api-keys',
      operationId: 'listApiKeys',
      summary: 'List the API keys of a workspace, revoked ones included (never a secret)',
      tag: 'Workspaces',
      auth: 'bearer',
      params: { workspace_id: 'The workspace' },
      responses: { 200: { description: 'The keys, oldest first', schema: z.array(ApiKeyObject) } },
      errors: [],
      handle: async ({ principal, params }) => {
        const keys = await services.workspaces.listApiKeys(principal, params.workspace_id);
        return { kind: 'json', status: 200, body: keys.map(toApiKeyObject) };
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
      errors: [],
      handle: async ({ principal, params, meta }) => {
        const key = await services.workspaces.issueApiKey(principal, params.workspace_id, meta);
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
      errors: [],
      handle: async ({ principal, params, meta }) => {
        await services.workspaces.revokeApiKey(principal, params.workspace_id, params.key_id, meta);
        return { kind: 'empty', status: 204 };
      },
    }),
  ];
}
