import { expect } from 'vitest';
import type { ApiClient, TestWorkspace } from './api-client.js';

/** The documented IntakeLink fields (issue 3), in order. */
export const LINK_FIELDS = [
  'id', 'workspaceId', 'customerSlug', 'displayName', 'uploadUrl', 'linkToken', 'status',
  'createdAt', 'expiresAt', 'revokedAt', 'maxUploads', 'uploadCount', 'lastUploadAt',
] as const;
export const LINK_SELECTION = LINK_FIELDS.join(' ');

/** A DateTimeISO value as the server writes it. */
export const ISO_TIMESTAMP = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** A well-formed id that names nothing. */
export const MISSING_ID = '00000000-0000-4000-8000-000000000000';

export const CREATE_LINK = `mutation Create($ws: ID!, $input: CreateIntakeLinkInput!) {
  createIntakeLink(workspaceId: $ws, input: $input) { ${LINK_SELECTION} uploads { id } }
}`;
export const LIST_LINKS = `query List($ws: ID!, $all: Boolean, $limit: Int, $cursor: String) {
  intakeLinks(workspaceId: $ws, includeExpired: $all, limit: $limit, cursor: $cursor) { ${LINK_SELECTION} }
}`;
export const GET_LINK = `query Get($ws: ID!, $id: ID!) { intakeLink(workspaceId: $ws, id: $id) { ${LINK_SELECTION} } }`;
export const REVOKE_LINK = `mutation Revoke($ws: ID!, $id: ID!) { revokeIntakeLink(workspaceId: $ws, id: $id) { ${LINK_SELECTION} } }`;

/** Runs a GraphQL document with a workspace's key. */
export function graphqlAs(api: ApiClient, workspace: TestWorkspace, query: string, variables: Record<string, unknown>) {
  return api.graphql(query, variables, workspace.apiKey);
}

/** Creates a link over GraphQL (customer "jane-doe" unless `input` says otherwise) and returns it. */
export async function createLinkOverGraphQL(api: ApiClient, workspace: TestWorkspace, input: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = await graphqlAs(api, workspace, CREATE_LINK, { ws: workspace.id, input: { customerSlug: 'jane-doe', ...input } });
  expect(res.body.errors, JSON.stringify(res.body.errors)).toBeUndefined();
  return res.body.data!.createIntakeLink;
}
