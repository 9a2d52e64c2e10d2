import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from '../logger';

/**
 * Starts the app on a port (0 = any free port, for tests) with timeouts that suit HubSpot's callers:
 * a whole request must arrive within 20 s (hubspot.fetch gives up at 15 s, webhooks at ~5 s), which
 * also bounds slow-body clients; keep-alive outlives a typical load balancer's 60 s idle timeout.
 */

export interface StartedServer {
  server: Server;
  port: number;
  /** e.g. http://127.0.0.1:54321 */
  url: string;
  /** Stops accepting, lets in-flight requests finish, closes idle keep-alive connections. */
  close(): Promise<void>;
}

export interface ListenOptions {
  port: number;
  host?: string;
  logger: Logger;
}

export function startHttpServer(app: Express, options: ListenOptions): Promise<StartedServer> {
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port, options.host ?? '0.0.0.0');
    server.headersTimeout = 10_000;
    server.requestTimeout = 20_000;
    server.keepAliveTimeout = 65_000;
    server.once('error', reject);
    server.once('listening', () => {
      server.off('error', reject);
      server.on('error', (err) => options.logger.error({ err }, 'HTTP server error'));
      server.on('clientError', (err, socket) => {
        options.logger.debug({ err: err.message }, 'malformed HTTP request');
        if (socket.writable) socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else socket.destroy();
      });
      const { port } = server.address() as AddressInfo;
      const host = options.host && options.host !== '0.0.0.0' ? options.host : '127.0.0.1';
      options.logger.info({ port }, 'HTTP server listening');
      resolve({
        server,
        port,
        url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
        close: () =>
          new Promise<void>((done, fail) => {
            // A keep-alive connection whose request was in flight turns idle only when its answer is
            // sent; server.close() would then wait for keepAliveTimeout (65 s). Close idle ones until done.
            const sweepIdle = setInterval(() => server.closeIdleConnections(), 50);
            server.close((err) => {
              clearInterval(sweepIdle);
              if (err) fail(err);
              else done();
            });
            server.closeIdleConnections();
          }),
      });
    });
  });
}
