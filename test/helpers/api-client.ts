import { assertMatchesOpenApi } from './openapi-validator.js';

/** A response, its body read once. */
export interface ApiResponse<T = any> {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed JSON body (undefined when the body is not JSON). */
  body: T;
}

export interface RequestOptions {
  token?: string;
  json?: unknown;
  body?: RequestInit['body'];
  headers?: Record<string, string>;
  /**
   * The answer is outside the documented contract on purpose (a worker-only process refusing the
   * API), so it is not checked against openapi.json. Say why at the call.
   */
  outsideContract?: true;
}

/** The workspace a test works in. */
export interface TestWorkspace {
  id: string;
  apiKey: string;
}

/** A thin HTTP client over fetch for tests: the real network path, no shortcuts into the app. */
export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers['authorization'] = `Bearer ${options.token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, duplex: 'half' } as RequestInit);
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    if (!options.outsideContract) assertMatchesOpenApi(method, path, response.status, response.headers.get('content-type'), parsed);
    return { status: response.status, headers: response.headers, text, body: parsed as T };
  }

  async createWorkspace(adminToken: string, name = 'Test practice'): Promise<TestWorkspace> {
    const res = await this.request('POST', '/v1/workspaces', { token: adminToken, json: { name } });
    if (res.status !== 201) throw new Error(`createWorkspace: ${res.status} ${res.text}`);
    return { id: res.body.id, apiKey: res.body.api_key };
  }

  async createLink(workspace: TestWorkspace, input: Record<string, unknown> = {}): Promise<any> {
    const res = await this.request('POST', `/v1/${workspace.id}/intake/links`, {
      token: workspace.apiKey,
      json: { customer_slug: 'jane-doe', ...input },
    });
    if (res.status !== 201) throw new Error(`createLink: ${res.status} ${res.text}`);
    return res.body;
  }

  /** POSTs raw bytes to the public upload route with the documented headers. */
  upload(linkToken: string, body: RequestInit['body'], file: { filename?: string; contentType?: string; headers?: Record<string, string> } = {}) {
    const headers: Record<string, string> = { ...file.headers };
    if (file.filename !== undefined) headers['x-amigo-intake-filename'] = file.filename;
    if (file.contentType !== undefined) headers['x-amigo-intake-content-type'] = file.contentType;
    return this.request('POST', `/upload/${linkToken}/files`, { body, headers });
  }

  /** A GraphQL request (JSON). */
  async graphql<T = any>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<ApiResponse<{ data?: T; errors?: any[] }>> {
    return this.request('POST', '/graphql', { token, json: { query, variables } });
  }
}
