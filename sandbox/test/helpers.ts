import { Client } from '@hubspot/api-client';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src';

/** A sandbox and an unmodified @hubspot/api-client pointed at it (no retries, no limiter). */
export interface Harness {
  sandbox: Sandbox;
  client: Client;
}

export async function startHarness(options: SandboxOptions = {}): Promise<Harness> {
  const sandbox = await startSandbox({ webhookRetrySchedule: [10, 20, 40], ...options });
  const client = new Client({ accessToken: sandbox.accessToken, basePath: sandbox.url, numberOfApiCallRetries: 0 });
  return { sandbox, client };
}

export interface ApiErrorLike {
  code: number;
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** Await a client call that must fail, and return the ApiException's code, body and headers. */
export async function apiError(call: Promise<unknown>): Promise<ApiErrorLike> {
  try {
    await call;
  } catch (err) {
    const e = err as Partial<ApiErrorLike>;
    if (typeof e.code !== 'number') throw err;
    return { code: e.code, body: (e.body ?? {}) as Record<string, unknown>, headers: e.headers ?? {} };
  }
  throw new Error('expected the call to fail, but it succeeded');
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A client whose writes look like a HubSpot user's edits (X-Sandbox-Act-As). */
export function userClient(sandbox: Sandbox, userId: number, changeSource?: string): Client {
  return new Client({
    accessToken: sandbox.accessToken,
    basePath: sandbox.url,
    numberOfApiCallRetries: 0,
    defaultHeaders: { 'X-Sandbox-Act-As': `userId:${userId}`, ...(changeSource ? { 'X-Sandbox-Change-Source': changeSource } : {}) },
  });
}

/** Raw HTTP against the sandbox (for what the typed client cannot express). */
export async function raw(sandbox: Sandbox, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${sandbox.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${sandbox.accessToken}`, 'Content-Type': 'application/json', ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

/** Narrow an optional field the test knows is there (fails loudly if not). */
export function present<T>(value: T | undefined | null, what = 'value'): T {
  if (value === undefined || value === null) throw new Error(`expected ${what} to be present`);
  return value;
}
