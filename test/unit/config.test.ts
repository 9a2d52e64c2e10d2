import { ConfigError, parseConfig, requireConfig } from '../../src/config';

describe('config', () => {
  it('applies defaults', () => {
    const c = parseConfig({});
    expect(c.HUBSPOT_API_BASE_URL).toBe('https://api.hubapi.com');
    expect(c.PORT).toBe(3000);
    expect(c.SCHEDULER).toBe('off');
    expect(c.PORTAL_TIMEZONE).toBe('UTC');
  });

  it('names a malformed variable and says what it should look like, in one line', () => {
    const attempt = (env: Record<string, string>) => {
      try {
        parseConfig(env);
      } catch (err) {
        return err as ConfigError;
      }
      throw new Error('expected a ConfigError');
    };
    const port = attempt({ PORT: 'eighty' });
    expect(port.variable).toBe('PORT');
    expect(port.message).toBe('PORT is malformed: it should be a TCP port, e.g. 3000.');
    expect(attempt({ PORTAL_TIMEZONE: 'Mars/Olympus' }).message).toMatch(/^PORTAL_TIMEZONE is malformed: it should be an IANA time zone/);
    expect(attempt({ SWEEP_CRON: 'every five minutes' }).variable).toBe('SWEEP_CRON');
    expect(attempt({ HUBSPOT_API_BASE_URL: 'not a url' }).variable).toBe('HUBSPOT_API_BASE_URL');
    expect(attempt({ HUBSPOT_APP_ID: 'abc' }).message).not.toContain('\n');
  });

  it('parses lead days, sorted longest first, without repeats', () => {
    expect(parseConfig({ RENEWAL_LEAD_DAYS: '30,90,60,30' }).RENEWAL_LEAD_DAYS).toEqual([90, 60, 30]);
  });

  it('treats empty strings as unset and demands what an entry point needs', () => {
    const c = parseConfig({ HUBSPOT_ACCESS_TOKEN: '' });
    expect(() => requireConfig(c, 'HUBSPOT_ACCESS_TOKEN')).toThrow('HUBSPOT_ACCESS_TOKEN is not set: it should be the private app access token');
    expect(requireConfig(parseConfig({ HUBSPOT_ACCESS_TOKEN: 'pat-na1-0123456789' }), 'HUBSPOT_ACCESS_TOKEN').HUBSPOT_ACCESS_TOKEN).toBe('pat-na1-0123456789');
  });

  it('takes only an http(s) URL with a host for HUBSPOT_API_BASE_URL, not one that fails later after retries', () => {
    for (const bad of ['api.hubapi.com', 'localhost:4010', 'ftp://api.hubapi.com', 'https://']) {
      expect(() => parseConfig({ HUBSPOT_API_BASE_URL: bad })).toThrow('HUBSPOT_API_BASE_URL is malformed: it should be an http(s) URL with a host');
    }
    expect(parseConfig({ HUBSPOT_API_BASE_URL: 'http://127.0.0.1:4010/' }).HUBSPOT_API_BASE_URL).toBe('http://127.0.0.1:4010');
  });

  it('wants PUBLIC_BASE_URL on HTTPS unless it is this machine', () => {
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'http://throughline.example.com' })).toThrow(
      'PUBLIC_BASE_URL is malformed: it should be the HTTPS origin HubSpot calls',
    );
    expect(() => parseConfig({ PUBLIC_BASE_URL: 'throughline.example.com' })).toThrow(/^PUBLIC_BASE_URL is malformed/);
    for (const ok of ['https://throughline.example.com', 'http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      expect(parseConfig({ PUBLIC_BASE_URL: ok }).PUBLIC_BASE_URL).toBe(ok);
    }
  });

  it('takes REDIS_URL only as redis:// or rediss:// with a host, and names it in one line otherwise', () => {
    expect(parseConfig({}).REDIS_URL).toBeUndefined();
    expect(parseConfig({ REDIS_URL: 'rediss://user:pw@cache.example.com:6380/2' }).REDIS_URL).toBe('rediss://user:pw@cache.example.com:6380/2');
    for (const bad of ['127.0.0.1:6379', 'http://cache:6379', 'redis://']) {
      expect(() => parseConfig({ REDIS_URL: bad })).toThrow(/^REDIS_URL is malformed: it should be a redis:\/\/ or rediss:\/\/ URL with a host/);
    }
    expect(() => parseConfig({ QUEUE_CONCURRENCY: '0' })).toThrow(/^QUEUE_CONCURRENCY is malformed/);
    expect(parseConfig({}).QUEUE_ATTEMPTS).toBe(5);
  });
});
