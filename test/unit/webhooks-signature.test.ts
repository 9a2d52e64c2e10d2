import crypto from 'node:crypto';
import { Signature } from '@hubspot/api-client';
import { decodeSignedUri, verifySignatureV3, type VerifySignatureV3Input } from '../../src/webhooks/signature';
import { signatureV3, signV3, TEST_CLIENT_SECRET } from '../helpers/sign';

const URL_ = 'https://throughline.example.com/webhooks/hubspot';
const BODY = '[{"eventId":1,"subscriptionType":"object.propertyChange","propertyValue":"Zürich"}]';
const T0 = 1_700_000_000_000;
const MIN = 60_000;

function input(overrides: Partial<VerifySignatureV3Input> = {}): VerifySignatureV3Input {
  const headers = signV3({ method: 'POST', url: URL_, body: BODY, timestamp: T0 });
  return {
    method: 'POST',
    uri: URL_,
    rawBody: Buffer.from(BODY, 'utf8'),
    signature: headers['X-HubSpot-Signature-v3'],
    timestamp: headers['X-HubSpot-Request-Timestamp'],
    clientSecret: TEST_CLIENT_SECRET,
    now: T0,
    ...overrides,
  };
}

describe('verifySignatureV3', () => {
  it('matches a known answer computed outside node (openssl dgst -sha256 -hmac … | base64)', () => {
    const known = 'DDUClscjexz+c+wxIDVU3yxNvFXN0X1QuMqQeh9XJ8o=';
    expect(signatureV3({ url: URL_, body: '[{"eventId":1}]', timestamp: T0 })).toBe(known);
    expect(verifySignatureV3(input({ rawBody: '[{"eventId":1}]', signature: known, timestamp: String(T0) }))).toEqual({ ok: true });
  });

  it('accepts a request signed by the independent test signer (Buffer or string body)', () => {
    expect(verifySignatureV3(input())).toEqual({ ok: true });
    expect(verifySignatureV3(input({ rawBody: BODY }))).toEqual({ ok: true });
    expect(verifySignatureV3(input({ method: 'post' }))).toEqual({ ok: true });
  });

  it('refuses a tampered body, a wrong secret, another method or another URL', () => {
    const bad = { ok: false, reason: 'bad_signature' };
    expect(verifySignatureV3(input({ rawBody: BODY.replace('Zürich', 'Zurich') }))).toEqual(bad);
    expect(verifySignatureV3(input({ rawBody: BODY + ' ' }))).toEqual(bad);
    expect(verifySignatureV3(input({ clientSecret: 'another-secret-456' }))).toEqual(bad);
    expect(verifySignatureV3(input({ method: 'PUT' }))).toEqual(bad);
    expect(verifySignatureV3(input({ uri: 'http://throughline.example.com/webhooks/hubspot' }))).toEqual(bad);
    expect(verifySignatureV3(input({ signature: 'not base64 at all!' }))).toEqual(bad);
  });

  it('refuses a timestamp more than 5 minutes old, and accepts one exactly 5 minutes old', () => {
    expect(verifySignatureV3(input({ now: T0 + 5 * MIN + 1 }))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignatureV3(input({ now: T0 + 6 * MIN }))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignatureV3(input({ now: T0 + 5 * MIN }))).toEqual({ ok: true });
  });

  it('refuses a timestamp more than 5 minutes in the future', () => {
    expect(verifySignatureV3(input({ now: T0 - 5 * MIN - 1 }))).toEqual({ ok: false, reason: 'future_timestamp' });
    expect(verifySignatureV3(input({ now: T0 - 5 * MIN }))).toEqual({ ok: true });
  });

  it('honours a custom tolerance and a Date as now', () => {
    expect(verifySignatureV3(input({ now: new Date(T0 + 2 * MIN), toleranceMs: MIN }))).toEqual({ ok: false, reason: 'stale_timestamp' });
    expect(verifySignatureV3(input({ now: new Date(T0 + 2 * MIN) }))).toEqual({ ok: true });
  });

  it('reports missing and malformed headers', () => {
    expect(verifySignatureV3(input({ signature: undefined }))).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifySignatureV3(input({ signature: '' }))).toEqual({ ok: false, reason: 'missing_signature' });
    expect(verifySignatureV3(input({ timestamp: undefined }))).toEqual({ ok: false, reason: 'missing_timestamp' });
    expect(verifySignatureV3(input({ timestamp: '' }))).toEqual({ ok: false, reason: 'missing_timestamp' });
    for (const timestamp of ['abc', '1.7e12', '-1700000000000', ' 1700000000000', '1700000000000.0']) {
      expect(verifySignatureV3(input({ timestamp }))).toEqual({ ok: false, reason: 'malformed_timestamp' });
    }
  });

  it('signs the timestamp text as sent (a number is the same text)', () => {
    expect(verifySignatureV3(input({ timestamp: T0 }))).toEqual({ ok: true });
  });

  it('refuses a parsed body with a message that says to pass the raw body', () => {
    const parsed = JSON.parse(BODY) as unknown;
    expect(() => verifySignatureV3(input({ rawBody: parsed as Buffer }))).toThrow(/pass the raw request body, not parsed JSON \(got an array\)/);
    expect(() => verifySignatureV3(input({ rawBody: { eventId: 1 } as unknown as Buffer }))).toThrow(/not parsed JSON \(got object\)/);
    expect(() => verifySignatureV3(input({ rawBody: undefined as unknown as Buffer }))).toThrow(/not parsed JSON/);
  });

  it('demands a client secret', () => {
    expect(() => verifySignatureV3(input({ clientSecret: '' }))).toThrow(/HUBSPOT_CLIENT_SECRET/);
  });
});

describe('URI decoding (HubSpot decodes %3A %2F %3F %40 %21 %24 %27 %28 %29 %2A %2C %3B, nothing else)', () => {
  it('decodes exactly the listed escapes, in either hex case', () => {
    expect(decodeSignedUri('%3A%2F%3F%40%21%24%27%28%29%2A%2C%3B')).toBe(":/?@!$'()*,;");
    expect(decodeSignedUri('%3a%2f%3f%40%21%24%27%28%29%2a%2c%3b')).toBe(":/?@!$'()*,;");
    expect(decodeSignedUri('a%20b%2520c%26d%3De%23f%25')).toBe('a%20b%2520c%26d%3De%23f%25');
  });

  it('verifies a URL whose query carries encoded characters', () => {
    const uri = `${URL_}?redirect=https%3A%2F%2Fapp.example.com%2Fdeal%3Fid%3D7&who=me%40example.com&note=a%20b%2Cc`;
    const headers = signV3({ url: uri, body: BODY, timestamp: T0 });
    expect(verifySignatureV3(input({ uri, signature: headers['X-HubSpot-Signature-v3'] }))).toEqual({ ok: true });

    // Lower-case escapes on the wire decode the same way.
    expect(verifySignatureV3(input({ uri: uri.replace(/%3A/g, '%3a'), signature: headers['X-HubSpot-Signature-v3'] }))).toEqual({ ok: true });
  });

  it('does NOT decode %20: a signature over the fully decoded URL fails', () => {
    const uri = `${URL_}?note=a%20b%3Ac`;
    const overFullyDecoded = signatureV3({ url: decodeURIComponent(uri), body: BODY, timestamp: T0 });
    expect(verifySignatureV3(input({ uri, signature: overFullyDecoded }))).toEqual({ ok: false, reason: 'bad_signature' });
    const overHubSpotRule = signatureV3({ url: uri, body: BODY, timestamp: T0 });
    expect(verifySignatureV3(input({ uri, signature: overHubSpotRule }))).toEqual({ ok: true });
  });

  it('includes the query string, in the order sent', () => {
    const signed = signatureV3({ url: `${URL_}?a=1&b=2`, body: BODY, timestamp: T0 });
    expect(verifySignatureV3(input({ uri: `${URL_}?a=1&b=2`, signature: signed }))).toEqual({ ok: true });
    expect(verifySignatureV3(input({ uri: `${URL_}?b=2&a=1`, signature: signed }))).toEqual({ ok: false, reason: 'bad_signature' });
    expect(verifySignatureV3(input({ uri: URL_, signature: signed }))).toEqual({ ok: false, reason: 'bad_signature' });
  });
});

describe('constant-time comparison', () => {
  afterEach(() => jest.restoreAllMocks());

  function comparisons(signature: string): Array<[number, number]> {
    const spy = jest.spyOn(crypto, 'timingSafeEqual');
    const verdict = verifySignatureV3(input({ signature }));
    expect(verdict).toEqual(signature === input().signature ? { ok: true } : { ok: false, reason: 'bad_signature' });
    const calls = spy.mock.calls.map(([a, b]) => [(a as Buffer).length, (b as Buffer).length] as [number, number]);
    spy.mockRestore();
    return calls;
  }

  it('compares digests of equal length with crypto.timingSafeEqual, once', () => {
    const good = input().signature!;
    expect(comparisons(good)).toEqual([[32, 32]]);
    const wrongSameLength = signatureV3({ url: URL_, body: BODY, timestamp: T0, secret: 'another-secret-456' });
    expect(comparisons(wrongSameLength)).toEqual([[32, 32]]);
  });

  it('still makes one equal-length comparison when the signature has another length', () => {
    expect(comparisons('c2hvcnQ=')).toEqual([[32, 32]]);
    expect(comparisons(input().signature! + 'AAAA')).toEqual([[32, 32]]);
    expect(comparisons('***')).toEqual([[32, 32]]);
  });
});

describe('why Signature.isValid from @hubspot/api-client is not used', () => {
  // It checks only the past bound of the timestamp (a future-dated request is accepted, so a captured
  // or forged-clock request can live for as long as its timestamp says), compares the signatures with
  // `===` (not constant-time), and leaves HubSpot's URI decoding to the caller.
  it('accepts a request dated an hour in the future; verifySignatureV3 refuses it', () => {
    const future = Date.now() + 60 * MIN;
    const url = URL_;
    const signature = signatureV3({ url, body: BODY, timestamp: future });

    expect(
      Signature.isValid({ signatureVersion: 'v3', method: 'POST', url, requestBody: BODY, clientSecret: TEST_CLIENT_SECRET, signature, timestamp: future }),
    ).toBe(true);
    expect(verifySignatureV3({ method: 'POST', uri: url, rawBody: BODY, signature, timestamp: String(future), clientSecret: TEST_CLIENT_SECRET })).toEqual({
      ok: false,
      reason: 'future_timestamp',
    });
  });

  it('does not apply the URI decoding rule itself', () => {
    const now = Date.now();
    const url = `${URL_}?redirect=https%3A%2F%2Fx.example`;
    const signature = signatureV3({ url, body: BODY, timestamp: now });
    expect(
      Signature.isValid({ signatureVersion: 'v3', method: 'POST', url, requestBody: BODY, clientSecret: TEST_CLIENT_SECRET, signature, timestamp: now }),
    ).toBe(false);
    expect(verifySignatureV3({ method: 'POST', uri: url, rawBody: BODY, signature, timestamp: now, clientSecret: TEST_CLIENT_SECRET, now })).toEqual({
      ok: true,
    });
  });
});
