import type { ApiClient, ApiResponse } from './api-client.js';

/** One file part of a GraphQL multipart request. */
export interface MultipartFile {
  bytes: Uint8Array;
  /** The part's filename (what a browser sends from the chosen file's name). */
  filename: string;
  /** The part's Content-Type (the declared type). */
  contentType: string;
}

export interface MultipartOptions {
  /** Send `apollo-require-preflight: true` (Apollo's CSRF prevention refuses multipart without it). Default true. */
  preflight?: boolean;
  token?: string;
}

/**
 * A GraphQL multipart request (https://github.com/jaydenseric/graphql-multipart-request-spec):
 * `operations` (the query, with null where each file goes), `map` (part name -> variable paths),
 * then one part per file. `files` maps a variable path such as `variables.file` to its file.
 */
export function graphqlMultipart<T = any>(
  api: ApiClient,
  query: string,
  variables: Record<string, unknown>,
  files: Record<string, MultipartFile>,
  options: MultipartOptions = {},
): Promise<ApiResponse<{ data?: T; errors?: any[] }>> {
  const withNulls: Record<string, unknown> = { ...variables };
  const map: Record<string, string[]> = {};
  const entries = Object.entries(files);
  entries.forEach(([path], index) => {
    map[String(index)] = [path];
    const name = /^variables\.([^.]+)$/.exec(path)?.[1];
    if (name) withNulls[name] = null;
  });
  const form = new FormData();
  form.append('operations', JSON.stringify({ query, variables: withNulls }));
  form.append('map', JSON.stringify(map));
  entries.forEach(([, file], index) => {
    form.append(String(index), new Blob([file.bytes], { type: file.contentType }), file.filename);
  });
  const headers: Record<string, string> = {};
  if (options.preflight ?? true) headers['apollo-require-preflight'] = 'true';
  return api.request('POST', '/graphql', { body: form, headers, token: options.token });
}

export const UPLOAD_FIELDS = 'id linkId customerSlug filename contentType sha256 sizeBytes receivedAt scanStatus scanSignature scannedAt duplicateOf { id receivedAt }';

/** The public mutation, with every Upload field selected. */
export const UPLOAD_TO_INTAKE_LINK = `mutation UploadToIntakeLink($linkToken: String!, $file: File!) {
  uploadToIntakeLink(linkToken: $linkToken, file: $file) { ${UPLOAD_FIELDS} }
}`;

/** Sends one file through `uploadToIntakeLink`. */
export function uploadToIntakeLink(api: ApiClient, linkToken: string, file: MultipartFile, options: MultipartOptions = {}) {
  return graphqlMultipart(api, UPLOAD_TO_INTAKE_LINK, { linkToken }, { 'variables.file': file }, options);
}
