import { ApiClient, type TestWorkspace } from './api-client.js';
import { startTestServer, type TestServer, type TestServerOptions } from './test-server.js';

/** A started test server, a client for it, and one workspace (with its API key) to work in. */
export interface ServerWithWorkspace {
  t: TestServer;
  api: ApiClient;
  ws: TestWorkspace;
}

/** Starts a test server (see startTestServer) and creates a workspace in it. */
export async function startServerWithWorkspace(options: TestServerOptions = {}, workspaceName?: string): Promise<ServerWithWorkspace> {
  const t = await startTestServer(options);
  const api = new ApiClient(t.url);
  const ws = await api.createWorkspace(t.adminToken, workspaceName);
  return { t, api, ws };
}
