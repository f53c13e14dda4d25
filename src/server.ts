import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp, type App } from './app.js';
import type { Config } from './config/load-config.js';
import { adminTokenNotice } from './config/admin-token.js';
import { createContainer, type Container } from './container/container.js';
import { startWorkers, type Workers } from './container/workers.js';
import { attachSubscriptions } from './graphql/subscriptions.js';
import { answerContinueOnFirstRead } from './transport/expect-continue.js';

/** A listening server. */
export interface RunningServer {
  /** e.g. http://127.0.0.1:3000 */
  url: string;
  container: Container;
  app: App;
  httpServer: http.Server;
  /** Stops accepting, drains in-flight requests (up to the grace period), then closes the database. */
  stop(): Promise<void>;
}

// Headers must arrive promptly; a body may take long (a 100 MB file on a slow line), but the upload
// route cuts a body that stalls (UPLOAD_IDLE_TIMEOUT_SECONDS).
const HEADERS_TIMEOUT_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60 * 60_000;

export interface StartOptions {
  /** Run the background workers in this process (main.ts does; in-process tests opt in). */
  workers?: boolean;
}

/** Builds everything, listens on config.http.host:port, and starts the workers when asked. */
export async function startServer(config: Config, logger: Logger, options: StartOptions = {}): Promise<RunningServer> {
  const container = await createContainer(config, logger);
  announceAdminToken(container);
  let app: App;
  try {
    app = await createApp(container);
  } catch (error) {
    await container.close();
    throw error;
  }
  const httpServer = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, app.express);
  httpServer.keepAliveTimeout = 5_000;
  // 100 Continue only once the header checks have passed (issue 13, defect 14).
  answerContinueOnFirstRead(httpServer, app.express);
  // A worker-only process has no GraphQL face, hence no subscriptions.
  const subscriptions = app.graphql ? attachSubscriptions(httpServer, app.graphql.schema, container.services, logger) : null;
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.http.port, config.http.host, () => resolve());
    });
  } catch (error) {
    // e.g. EADDRINUSE: release the database (and stop the embedded one) before giving up.
    await app.graphql?.stop();
    await container.close();
    throw error;
  }
  const workers: Workers | undefined = options.workers ? await startWorkers(config, logger, container.infra, container.jobs) : undefined;
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.setDraining();
      await subscriptions?.dispose();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const grace = setTimeout(() => {
        logger.warn('grace period over: closing the connections still open');
        httpServer.closeAllConnections();
      }, config.http.shutdownGraceMs);
      await closed;
      clearTimeout(grace);
      await workers?.stop();
      await app.graphql?.stop();
      await container.close();
    })());

  return { url, container, app, httpServer, stop };
}

function announceAdminToken({ infra, config, logger }: Container): void {
  const { token, generated, file } = infra.adminToken;
  if (generated && file) process.stderr.write(adminTokenNotice(token, file, config.http.port));
  else if (file) logger.info({ file }, 'admin token loaded (set ADMIN_TOKEN to choose your own)');
}
