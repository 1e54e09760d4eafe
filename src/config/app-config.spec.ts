import { ConfigError, loadConfig } from './app-config';

describe('loadConfig', () => {
  it('runs on defaults that match docker compose and a development machine', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBe('postgres://postgres:postgres@localhost:5432/rongrian');
    expect(c.redis.url).toBe('redis://localhost:6379');
    expect(c.mail.smtpUrl).toBe('smtp://localhost:1025');
    expect(c.port).toBe(3000);
    expect(c.publicRateLimit).toBe(30);
  });

  it('reads numbers and switches from strings', () => {
    const c = loadConfig({ PORT: '8080', PUBLIC_RATE_LIMIT: '0', WORKERS_ENABLED: 'false', TRUST_PROXY: '1' });
    expect(c).toMatchObject({ port: 8080, publicRateLimit: 0, workersEnabled: false, trustProxy: true });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PUBLIC_RATE_LIMIT', '-1'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['SMTP_URL', 'localhost:25'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['WORKERS_ENABLED', 'maybe'],
    ['SEED_PASSWORD', 'short'],
  ])('names %s when it is wrong', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variable).toBe(variable);
    expect((error as Error).message).toMatch(new RegExp(`^Invalid configuration: ${variable} .+`));
    expect((error as Error).message).not.toContain('\n');
  });

  it('says what kind of value is wanted before any bound', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow('Invalid configuration: PORT must be an integer number (got "abc")');
  });
});

describe('secrets and storage', () => {
  it('requires AUTH_TOKEN_SECRET in production and never ships one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/^Invalid configuration: AUTH_TOKEN_SECRET /);
    const dev1 = loadConfig({}).auth.tokenSecret;
    const dev2 = loadConfig({}).auth.tokenSecret;
    expect(dev1).not.toBe(dev2);
    expect(loadConfig({ AUTH_TOKEN_SECRET: 'x'.repeat(32) }).auth.tokenSecret).toBe('x'.repeat(32));
  });

  it('needs a bucket for the S3 driver', () => {
    expect(() => loadConfig({ ATTACHMENTS_DRIVER: 's3' })).toThrow(/^Invalid configuration: S3_BUCKET /);
    expect(loadConfig({ ATTACHMENTS_DRIVER: 's3', S3_BUCKET: 'b' }).attachments).toMatchObject({ driver: 's3', bucket: 'b' });
  });
});
