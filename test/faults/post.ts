import http from 'node:http';
import { signV3 } from '../helpers/sign';

export interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: Record<string, unknown> | undefined;
}

/** One request on its own connection (node:http, so a refused upload still yields the answer). */
export function send(
  baseUrl: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<Reply> {
  const { body } = options;
  const url = new URL(path, baseUrl);
  const headers: Record<string, string> = {
    ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) } : {}),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json: Record<string, unknown> | undefined;
        try {
          json = JSON.parse(text) as Record<string, unknown>;
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

export const WEBHOOK = '/webhooks/hubspot';

/** Headers HubSpot would send for this body to this service (the URL is what the service rebuilds from Host). */
export function signedFor(baseUrl: string, body: string | Buffer, secret: string, timestamp?: number): Record<string, string> {
  return signV3({ url: `${baseUrl}${WEBHOOK}`, body, secret, ...(timestamp !== undefined ? { timestamp } : {}) });
}
