import createClient from 'openapi-fetch';
import { ChecksumMismatchError, IntakeApiError } from './errors.js';
import type { components, paths } from './generated/openapi.js';

export type Workspace = components['schemas']['Workspace'];
export type WorkspaceCreated = components['schemas']['WorkspaceCreated'];
export type ApiKey = components['schemas']['ApiKey'];
export type ApiKeyCreated = components['schemas']['ApiKeyCreated'];
export type IntakeLink = components['schemas']['IntakeLink'];
export type Upload = components['schemas']['Upload'];
export type AuditEvent = components['schemas']['AuditEvent'];
export type Webhook = components['schemas']['Webhook'];
export type WebhookWithSecret = components['schemas']['WebhookWithSecret'];
export type WebhookDelivery = components['schemas']['WebhookDelivery'];
export type CreateWebhookInput = paths['/v1/{workspace_id}/webhooks']['post']['requestBody']['content']['application/json'];
export type UpdateWebhookInput = paths['/v1/{workspace_id}/webhooks/{webhook_id}']['patch']['requestBody']['content']['application/json'];
export type PageQuery = NonNullable<paths['/v1/{workspace_id}/webhooks']['get']['parameters']['query']>;
export type UpdateWorkspaceInput = paths['/v1/workspaces/{workspace_id}']['patch']['requestBody']['content']['application/json'];
export type CreateLinkInput = paths['/v1/{workspace_id}/intake/links']['post']['requestBody']['content']['application/json'];
export type ListLinksQuery = NonNullable<paths['/v1/{workspace_id}/intake/links']['get']['parameters']['query']>;
export type AuditQuery = NonNullable<paths['/v1/{workspace_id}/audit-events']['get']['parameters']['query']>;

export interface IntakeClientOptions {
  /** The server's origin, e.g. `https://intake.example.com` (paths carry `/v1`). */
  baseUrl: string;
  /** An API key of the workspace (`ilk_...`) or the admin token. */
  apiKey?: string;
  fetch?: typeof fetch;
}

/** A page of a listing and the cursor of the next one (from the `Link` header), if any. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** An upload body: anything fetch can send as bytes, with its progress reported per chunk. */
export type UploadBody = Blob | Uint8Array | ReadableStream<Uint8Array>;

type FetchBody = NonNullable<RequestInit['body']>;

export interface UploadOptions {
  filename: string;
  contentType: string;
  /** Called as bytes leave, with the running total. */
  onProgress?: (sentBytes: number) => void;
}

/** A verified download: the bytes as a web stream; reading it to the end checks the SHA-256. */
export interface Download {
  upload: Upload;
  stream: ReadableStream<Uint8Array>;
}

/**
 * The typed REST client of intake-links: every call is checked against openapi.json's types; every
 * refusal is an `IntakeApiError` with the server's `error_code`.
 */
export function createIntakeClient(options: IntakeClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {};
  const http = createClient<paths>({ baseUrl, headers, ...(options.fetch ? { fetch: options.fetch } : {}) });

  async function ok<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: T; response: Response }> {
    const { data, error, response } = await call;
    if (error !== undefined || !response.ok) throw toApiError(response.status, error);
    return { data: data as T, response };
  }

  const ws = (workspaceId: string) => ({ workspace_id: workspaceId });

  return {
    workspaces: {
      /** Admin token only: the workspace and its first key (`api_key`, shown once; `api_key_id`). */
      create: async (name: string): Promise<WorkspaceCreated> => (await ok(http.POST('/v1/workspaces', { body: { name } }))).data,
      get: async (workspaceId: string): Promise<Workspace> =>
        (await ok(http.GET('/v1/workspaces/{workspace_id}', { params: { path: ws(workspaceId) } }))).data,
      /** Changes settings: `notify_email` (null: no arrival e-mails). */
      update: async (workspaceId: string, input: UpdateWorkspaceInput): Promise<Workspace> =>
        (await ok(http.PATCH('/v1/workspaces/{workspace_id}', { params: { path: ws(workspaceId) }, body: input }))).data,
    },
    keys: {
      list: async (workspaceId: string): Promise<ApiKey[]> =>
        (await ok(http.GET('/v1/workspaces/{workspace_id}/api-keys', { params: { path: ws(workspaceId) } }))).data,
      issue: async (workspaceId: string): Promise<ApiKeyCreated> =>
        (await ok(http.POST('/v1/workspaces/{workspace_id}/api-keys', { params: { path: ws(workspaceId) } }))).data,
      revoke: async (workspaceId: string, keyId: string): Promise<void> => {
        await ok(http.DELETE('/v1/workspaces/{workspace_id}/api-keys/{key_id}', { params: { path: { ...ws(workspaceId), key_id: keyId } } }));
      },
    },
    links: {
      create: async (workspaceId: string, input: CreateLinkInput): Promise<IntakeLink> =>
        (await ok(http.POST('/v1/{workspace_id}/intake/links', { params: { path: ws(workspaceId) }, body: input }))).data,
      list: async (workspaceId: string, query: ListLinksQuery = {}): Promise<Page<IntakeLink>> => {
        const { data, response } = await ok(http.GET('/v1/{workspace_id}/intake/links', { params: { path: ws(workspaceId), query } }));
        return { items: data, nextCursor: nextCursor(response) };
      },
      get: async (workspaceId: string, linkId: string): Promise<IntakeLink> =>
        (await ok(http.GET('/v1/{workspace_id}/intake/links/{link_id}', { params: { path: { ...ws(workspaceId), link_id: linkId } } }))).data,
      revoke: async (workspaceId: string, linkId: string): Promise<void> => {
        await ok(http.DELETE('/v1/{workspace_id}/intake/links/{link_id}', { params: { path: { ...ws(workspaceId), link_id: linkId } } }));
      },
    },
    uploads: {
      list: async (workspaceId: string, linkId: string): Promise<Upload[]> =>
        (await ok(http.GET('/v1/{workspace_id}/intake/links/{link_id}/uploads', { params: { path: { ...ws(workspaceId), link_id: linkId } } }))).data,
      /** Sends one file through a link (public: the link token is the credential), streaming it. */
      send: async (linkToken: string, body: UploadBody, file: UploadOptions): Promise<Upload> => {
        const { data } = await ok(
          http.POST('/upload/{link_token}/files', {
            params: {
              path: { link_token: linkToken },
              header: { 'x-amigo-intake-filename': encodeURIComponent(file.filename), 'x-amigo-intake-content-type': file.contentType },
            },
            body: withProgress(body, file.onProgress) as unknown as Blob,
            // The bytes go as they are, not JSON-encoded.
            bodySerializer: (bytes: unknown) => bytes as FetchBody,
            headers: { 'content-type': 'application/octet-stream', ...(body instanceof Blob ? { 'content-length': String(body.size) } : {}) },
            duplex: 'half',
          } as never),
        );
        return data as Upload;
      },
      /**
       * Downloads a file (audited by the server) as a stream whose end is checked against the
       * upload's recorded SHA-256: a mismatch errors the stream with `ChecksumMismatchError`.
       */
      download: async (workspaceId: string, linkId: string, uploadId: string): Promise<Download> => {
        const path = { ...ws(workspaceId), link_id: linkId, upload_id: uploadId };
        const uploads = (await ok(http.GET('/v1/{workspace_id}/intake/links/{link_id}/uploads', { params: { path } }))).data;
        const upload = uploads.find((candidate) => candidate.id === uploadId.toLowerCase());
        const response = await (options.fetch ?? fetch)(`${baseUrl}/v1/${workspaceId}/intake/links/${linkId}/uploads/${uploadId}/download`, { headers });
        if (!response.ok || !response.body || !upload) {
          throw toApiError(response.status, await response.json().catch(() => undefined));
        }
        return { upload, stream: response.body.pipeThrough(verifySha256(upload.sha256)) };
      },
    },
    webhooks: {
      /** The endpoint and its signing secret (shown here and on rotation only). */
      create: async (workspaceId: string, input: CreateWebhookInput): Promise<WebhookWithSecret> =>
        (await ok(http.POST('/v1/{workspace_id}/webhooks', { params: { path: ws(workspaceId) }, body: input }))).data,
      list: async (workspaceId: string, query: PageQuery = {}): Promise<Page<Webhook>> => {
        const { data, response } = await ok(http.GET('/v1/{workspace_id}/webhooks', { params: { path: ws(workspaceId), query } }));
        return { items: data, nextCursor: nextCursor(response) };
      },
      get: async (workspaceId: string, webhookId: string): Promise<Webhook> =>
        (await ok(http.GET('/v1/{workspace_id}/webhooks/{webhook_id}', { params: { path: { ...ws(workspaceId), webhook_id: webhookId } } }))).data,
      update: async (workspaceId: string, webhookId: string, input: UpdateWebhookInput): Promise<Webhook> =>
        (await ok(http.PATCH('/v1/{workspace_id}/webhooks/{webhook_id}', { params: { path: { ...ws(workspaceId), webhook_id: webhookId } }, body: input }))).data,
      delete: async (workspaceId: string, webhookId: string): Promise<void> => {
        await ok(http.DELETE('/v1/{workspace_id}/webhooks/{webhook_id}', { params: { path: { ...ws(workspaceId), webhook_id: webhookId } } }));
      },
      /** A new secret; the old one keeps signing beside it for 24 hours. */
      rotateSecret: async (workspaceId: string, webhookId: string): Promise<WebhookWithSecret> =>
        (await ok(http.POST('/v1/{workspace_id}/webhooks/{webhook_id}/rotate-secret', { params: { path: { ...ws(workspaceId), webhook_id: webhookId } } }))).data,
      deliveries: async (workspaceId: string, webhookId: string, query: PageQuery = {}): Promise<Page<WebhookDelivery>> => {
        const { data, response } = await ok(
          http.GET('/v1/{workspace_id}/webhooks/{webhook_id}/deliveries', { params: { path: { ...ws(workspaceId), webhook_id: webhookId }, query } }),
        );
        return { items: data, nextCursor: nextCursor(response) };
      },
      /** Sends the delivery again (same webhook-id); 202. */
      redeliver: async (workspaceId: string, webhookId: string, deliveryId: string): Promise<WebhookDelivery> =>
        (
          await ok(
            http.POST('/v1/{workspace_id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver', {
              params: { path: { ...ws(workspaceId), webhook_id: webhookId, delivery_id: deliveryId } },
            }),
          )
        ).data,
    },
    auditEvents: {
      list: async (workspaceId: string, query: AuditQuery = {}): Promise<Page<AuditEvent>> => {
        const { data, response } = await ok(http.GET('/v1/{workspace_id}/audit-events', { params: { path: ws(workspaceId), query } }));
        return { items: data, nextCursor: nextCursor(response) };
      },
    },
    /** A GraphQL operation (POST, so Apollo's CSRF guard is satisfied); errors become `IntakeApiError`. */
    graphql: async <T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await (options.fetch ?? fetch)(`${baseUrl}/graphql`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const result = (await response.json()) as { data?: T; errors?: { message: string; extensions?: { errorCode?: string } }[] };
      const [first] = result.errors ?? [];
      if (first) throw new IntakeApiError(response.status, first.extensions?.errorCode ?? 'graphql_error', first.message);
      return result.data as T;
    },
  };
}

export type IntakeClient = ReturnType<typeof createIntakeClient>;

function toApiError(status: number, body: unknown): IntakeApiError {
  const error = body as { error_code?: string; detail?: string } | undefined;
  return new IntakeApiError(status, error?.error_code ?? 'http_error', error?.detail ?? `HTTP ${status}`);
}

function nextCursor(response: Response): string | null {
  const match = /<([^>]+)>;\s*rel="next"/.exec(response.headers.get('link') ?? '');
  return match ? new URL(match[1]!, 'http://x').searchParams.get('cursor') : null;
}

function withProgress(body: UploadBody, onProgress: ((sent: number) => void) | undefined): FetchBody {
  if (!onProgress) return body as FetchBody;
  const source: ReadableStream<Uint8Array> = body instanceof ReadableStream ? body : new Blob([body as Uint8Array<ArrayBuffer>]).stream();
  let sent = 0;
  return source.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        sent += chunk.byteLength;
        onProgress(sent);
        controller.enqueue(chunk);
      },
    }),
  );
}

/** Passes bytes through and, at the end, fails the stream unless they hash to `expected`. */
function verifySha256(expected: string): TransformStream<Uint8Array, Uint8Array> {
  // node:crypto streams the hash (WebCrypto cannot hash incrementally); loaded lazily for browsers.
  let hash: import('node:crypto').Hash | undefined;
  return new TransformStream({
    async start() {
      hash = (await import('node:crypto')).createHash('sha256');
    },
    transform(chunk, controller) {
      hash!.update(chunk);
      controller.enqueue(chunk);
    },
    flush(controller) {
      const actual = hash!.digest('hex');
      if (actual !== expected) controller.error(new ChecksumMismatchError(expected, actual));
    },
  });
}
