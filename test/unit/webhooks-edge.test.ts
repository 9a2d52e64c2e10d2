import type { TLSSocket } from 'node:tls';
import { describeError } from '../../src/http/errors';
import { HubSpotError } from '../../src/hubspot/errors';
import { reject } from '../../src/webhooks/errors';
import { createInFlightLimiter } from '../../src/webhooks/in-flight';
import { publicRequestUri } from '../../src/webhooks/public-uri';

describe('publicRequestUri', () => {
  const req = (headers: Record<string, string | string[]>, originalUrl = '/webhooks/hubspot?a=%3A') => ({ originalUrl, headers });

  it('uses PUBLIC_BASE_URL (with any path prefix) and ignores forwarded headers', () => {
    expect(publicRequestUri(req({ 'x-forwarded-host': 'evil.example', host: 'internal' }), 'https://t.example.com/')).toBe(
      'https://t.example.com/webhooks/hubspot?a=%3A',
    );
    expect(publicRequestUri(req({}), 'https://t.example.com/throughline')).toBe('https://t.example.com/throughline/webhooks/hubspot?a=%3A');
  });

  it('otherwise takes the first X-Forwarded-Proto / X-Forwarded-Host values', () => {
    expect(publicRequestUri(req({ 'x-forwarded-proto': 'https, http', 'x-forwarded-host': ' hooks.example.com , proxy:8080', host: 'internal:3000' }))).toBe(
      'https://hooks.example.com/webhooks/hubspot?a=%3A',
    );
    expect(publicRequestUri(req({ 'x-forwarded-host': ['a.example', 'b.example'] }))).toBe('http://a.example/webhooks/hubspot?a=%3A');
  });

  it('falls back to Host and to the socket for the scheme', () => {
    expect(publicRequestUri(req({ host: 'localhost:3000' }))).toBe('http://localhost:3000/webhooks/hubspot?a=%3A');
    const tls = { encrypted: true } as unknown as TLSSocket;
    expect(publicRequestUri({ ...req({ host: 'svc.example' }), socket: tls })).toBe('https://svc.example/webhooks/hubspot?a=%3A');
    expect(publicRequestUri(req({}, '/x'))).toBe('http:///x');
  });
});

describe('describeError — the one status mapping', () => {
  it('maps rejections by code', () => {
    expect(describeError(reject.invalidSignature('stale_timestamp', 'https://x/y?userEmail=a@b'))).toMatchObject({
      status: 401,
      body: { error: 'invalid_signature', reason: 'stale_timestamp' },
      log: { uri: 'https://x/y' },
    });
    expect(describeError(reject.malformedJson()).status).toBe(400);
    expect(describeError(reject.tooManyEvents('too many', 5000, 1000))).toMatchObject({ status: 413, body: { max: 1000 } });
    expect(describeError(reject.busy(10))).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    expect(describeError(reject.batchFailed(new Error('x'), 3))).toMatchObject({ status: 500, level: 'error' });
  });

  it('maps body-parser errors', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large', limit: 100, expose: true });
    expect(describeError(tooLarge)).toMatchObject({ status: 413, body: { error: 'payload_too_large', limit: 100 } });
    const parse = Object.assign(new SyntaxError('Unexpected token'), { status: 400, type: 'entity.parse.failed', expose: true });
    expect(describeError(parse)).toMatchObject({ status: 400, body: { error: 'malformed_json' } });
    const encoding = Object.assign(new Error('unsupported content encoding "br"'), { status: 415, type: 'encoding.unsupported', expose: true });
    expect(describeError(encoding).status).toBe(415);
  });

  it('treats a bare SyntaxError as our bug (500), not the caller’s', () => {
    expect(describeError(new SyntaxError('Unexpected end of JSON input'))).toMatchObject({ status: 500, body: { error: 'internal_error' } });
  });

  it('maps HubSpot errors', () => {
    const hs = (status: number) => describeError(new HubSpotError(status, `HubSpot said ${status}`, undefined, {}, 'read deal'));
    expect(hs(401)).toMatchObject({ status: 502, body: { error: 'hubspot_refused' } });
    expect(hs(403)).toMatchObject({ status: 502, body: { error: 'hubspot_refused' } });
    expect(hs(404)).toMatchObject({ status: 404, body: { error: 'not_found' } });
    expect(hs(429)).toMatchObject({ status: 503, headers: { 'Retry-After': '10' } });
    expect(hs(500)).toMatchObject({ status: 502, body: { error: 'hubspot_unavailable' } });
    expect(hs(0)).toMatchObject({ status: 502, body: { error: 'hubspot_unavailable' } });
    expect(JSON.stringify(hs(403).body)).not.toContain('HubSpot said');
  });

  it('answers anything else with a bare 500', () => {
    const answer = describeError(new Error('/etc/passwd at line 3'));
    expect(answer).toMatchObject({ status: 500, body: { error: 'internal_error' } });
    expect(JSON.stringify(answer.body)).not.toContain('passwd');
    expect(describeError('a string').status).toBe(500);
    expect(describeError(undefined).status).toBe(500);
  });
});

describe('createInFlightLimiter', () => {
  it('hands out at most max slots; a release is idempotent', () => {
    const limiter = createInFlightLimiter(2);
    const a = limiter.tryAcquire();
    const b = limiter.tryAcquire();
    expect(a && b).toBeTruthy();
    expect(limiter.tryAcquire()).toBeUndefined();
    a!();
    a!();
    expect(limiter.inFlight).toBe(1);
    expect(limiter.tryAcquire()).toBeDefined();
    expect(limiter.tryAcquire()).toBeUndefined();
    expect(() => createInFlightLimiter(0)).toThrow(RangeError);
  });
});
