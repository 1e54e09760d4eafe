import { ConfigError, loadConfig, parseIdentityKeys } from './app-config';

describe('loadConfig', () => {
  it('runs on defaults that match docker compose and a development machine', () => {
    const { config, secrets } = loadConfig({});
    expect(secrets.databaseUrl).toBe('postgres://postgres:postgres@localhost:5432/rongrian');
    expect(secrets.redisUrl).toBe('redis://localhost:6379');
    expect(secrets.smtpUrl).toBe('smtp://localhost:1025');
    expect(config.port).toBe(3000);
    expect(config.rateLimits).toEqual({ public: 30, tracking: 10 });
    expect(config.auth.signInRateLimit).toBe(10);
    expect(config.database).toEqual({ connectTimeoutMs: 5000, statementTimeoutMs: 15000, lockTimeoutMs: 10000, idleInTransactionTimeoutMs: 30000 });
    expect(config.shutdownTimeoutMs).toBe(10000);
  });

  it('reads numbers and switches from strings', () => {
    const c = loadConfig({ PORT: '8080', PUBLIC_RATE_LIMIT: '0', WORKERS_ENABLED: 'false', TRUST_PROXY: '1' }).config;
    expect(c).toMatchObject({ port: 8080, rateLimits: { public: 0 }, workersEnabled: false, trustProxy: true });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '' }).config.port).toBe(3000);
  });

  it.each([
    ['PORT', 'eighty'],
    ['PUBLIC_RATE_LIMIT', '-1'],
    ['DATABASE_STATEMENT_TIMEOUT_MS', '0'],
    ['SHUTDOWN_TIMEOUT_MS', '10s'],
    ['DATABASE_URL', 'mysql://localhost/x'],
    ['SMTP_URL', 'localhost:25'],
    ['PUBLIC_BASE_URL', 'not a url'],
    ['WORKERS_ENABLED', 'maybe'],
    ['SEED_PASSWORD', 'short'],
    ['AUTH_SIGN_IN_RATE_LIMIT', '0'],
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
    const dev1 = loadConfig({}).secrets.authTokenSecret;
    const dev2 = loadConfig({}).secrets.authTokenSecret;
    expect(dev1).not.toBe(dev2);
    expect(loadConfig({ AUTH_TOKEN_SECRET: 'x'.repeat(32) }).secrets.authTokenSecret).toBe('x'.repeat(32));
  });

  it('needs a bucket for the S3 driver', () => {
    expect(() => loadConfig({ ATTACHMENTS_DRIVER: 's3' })).toThrow(/^Invalid configuration: S3_BUCKET /);
    expect(loadConfig({ ATTACHMENTS_DRIVER: 's3', S3_BUCKET: 'b' }).config.attachments).toMatchObject({ driver: 's3', bucket: 'b' });
  });
});

describe('errors never quote a secret', () => {
  const messageFor = (env: Record<string, string>): string => {
    try {
      loadConfig(env);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('expected a configuration error');
  };

  it.each([
    ['SMTP_URL', 'smtp://mailer:hunter2-smtp@mail.example:notaport'],
    ['DATABASE_URL', 'mysql://app:hunter2-db@db.example/rongrian'],
    ['REDIS_URL', 'http://:hunter2-redis@cache.example'],
    ['AUTH_TOKEN_SECRET', 'hunter2-short'],
    ['SEED_PASSWORD', 'hunt2'],
    ['IDENTITY_KEYS', 'k1:hunter2-not-base64'],
  ])('%s names the variable and hides the secret', (variable, value) => {
    const message = messageFor({ [variable]: value });
    expect(message).toMatch(new RegExp(`^Invalid configuration: ${variable} `));
    expect(message).not.toContain('hunter2');
  });

  it('says which variable production lacks', () => {
    const secret = 'x'.repeat(32);
    expect(messageFor({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: secret })).toMatch(/^Invalid configuration: IDENTITY_KEYS /);
  });
});

describe('IDENTITY_KEYS', () => {
  const key = (byte: number) => Buffer.alloc(32, byte).toString('base64');

  it('reads keyId:base64 pairs, the first one current', () => {
    const keys = parseIdentityKeys(`k2:${key(2)}, k1:${key(1)}`);
    expect(keys.map((k) => k.id)).toEqual(['k2', 'k1']);
    expect(keys[0].key).toEqual(Buffer.alloc(32, 2));
  });

  it('refuses a key of the wrong length and a repeated id', () => {
    expect(() => parseIdentityKeys(`k1:${Buffer.alloc(16).toString('base64')}`)).toThrow(/IDENTITY_KEYS entry 1/);
    expect(() => parseIdentityKeys(`k1:${key(1)},k1:${key(2)}`)).toThrow(/same key id twice/);
  });

  it('falls back to a development key outside production only', () => {
    expect(loadConfig({}).secrets.identityKeys[0].id).toBe('dev-only');
    const prod = loadConfig({ NODE_ENV: 'production', AUTH_TOKEN_SECRET: 'x'.repeat(32), IDENTITY_KEYS: `live:${key(7)}` });
    expect(prod.secrets.identityKeys.map((k) => k.id)).toEqual(['live']);
  });
});
