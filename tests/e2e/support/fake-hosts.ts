import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeCertificate } from './certificate';

/** Answers the request and returns true, or returns false to let the next handler try. Reads its own body. */
export type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>;

/**
 * One HTTPS server on loopback for every fake vendor host; handlers are tried in order by Host header and
 * path. Chromium reaches it through --host-resolver-rules, so pages and API calls use the real host names.
 */
export async function startFakeHosts(handlers: Handler[]): Promise<{ port: number; server: Server; close(): Promise<void> }> {
  const { key, cert } = makeCertificate();
  const server = createServer({ key, cert }, async (req, res) => {
    try {
      for (const handler of handlers) {
        if (await handler(req, res)) return;
      }
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no fake for ${req.headers.host}${req.url}`);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    server,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export function hostOf(req: IncomingMessage): string {
  return (req.headers.host ?? '').split(':')[0]!.toLowerCase();
}

export function sendHtml(res: ServerResponse, html: string): true {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  return true;
}

export function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(value));
  return true;
}
