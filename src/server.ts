import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import { createApp, type App } from './app.js';
import type { Config } from './config/load-config.js';
import { createContainer, type Container } from './container.js';

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

/** Builds everything and listens on config.http.host:port. */
export async function startServer(config: Config, logger: Logger): Promise<RunningServer> {
  const container = await createContainer(config, logger);
  let app: App;
  try {
    app = await createApp(container);
  } catch (error) {
    await container.close();
    throw error;
  }
  const httpServer = http.createServer({ headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS }, app.express);
  httpServer.keepAliveTimeout = 5_000;
  try {
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.http.port, config.http.host, () => resolve());
    });
  } catch (error) {
    // e.g. EADDRINUSE: release the database (and stop the embedded one) before giving up.
    await app.graphql.stop();
    await container.close();
    throw error;
  }
  const address = httpServer.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${address.port}`;

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      app.setDraining();
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeIdleConnections();
      const grace = setTimeout(() => {
        logger.warn('grace period over: closing the connections still open');
        httpServer.closeAllConnections();
      }, config.http.shutdownGraceMs);
      await closed;
      clearTimeout(grace);
      await app.graphql.stop();
      await container.close();
    })());

  return { url, container, app, httpServer, stop };
}
