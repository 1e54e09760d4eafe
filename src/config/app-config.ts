import { plainToInstance, Transform } from 'class-transformer';
import { createHash, randomBytes } from 'node:crypto';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Max,
  MaxLength,
  Min,
  MinLength,
  validateSync,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off'].includes(v)) return false;
  return value;
};

/**
 * The process environment, as validated at start. Property names are the
 * variable names so that an error can name exactly what to fix.
 */
export class Environment {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsUrl({ protocols: ['postgres', 'postgresql'], require_tld: false, require_protocol: true })
  DATABASE_URL = 'postgres://postgres:postgres@localhost:5432/rongrian';

  @IsUrl({ protocols: ['redis', 'rediss'], require_tld: false, require_protocol: true })
  REDIS_URL = 'redis://localhost:6379';

  /** Namespace for every key this deployment writes to Redis (queues, rate limits). */
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  REDIS_PREFIX = 'rongrian';

  @IsUrl({ protocols: ['smtp', 'smtps'], require_tld: false, require_protocol: true })
  SMTP_URL = 'smtp://localhost:1025';

  @IsString()
  @MinLength(3)
  MAIL_FROM = 'Rongrian <no-reply@example.go.th>';

  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  PUBLIC_BASE_URL = 'http://localhost:3000';

  /** Requests per minute per client across all public endpoints together; 0 turns this budget off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PUBLIC_RATE_LIMIT = 30;

  /**
   * Tracking-code lookups per minute per client (API and page), on top of
   * PUBLIC_RATE_LIMIT: guessing codes is the threat. 0 turns it off.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  TRACKING_RATE_LIMIT = 10;

  /**
   * Leading zero bits of the whistleblower channel's proof of work (SHA-256):
   * each step doubles the work of a report's page script (16: about 65,000 hashes).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(32)
  WHISTLEBLOWER_POW_DIFFICULTY = 16;

  /** Reports without a proof of work (a browser without JavaScript) per hour per client. Never off. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WHISTLEBLOWER_NO_POW_LIMIT = 5;

  /** Wrong receipt codes per hour per client, before 429. Never off, whatever PUBLIC_RATE_LIMIT says. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WHISTLEBLOWER_RECEIPT_CLIENT_LIMIT = 10;

  /** Wrong receipt codes per minute from all clients together, before 429: a guesser with many addresses. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  WHISTLEBLOWER_RECEIPT_GLOBAL_LIMIT = 100;

  /** Lifetime of the token a receipt code opens. */
  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  WHISTLEBLOWER_TOKEN_TTL_SECONDS = 15 * 60;

  /** Trust X-Forwarded-For from a reverse proxy (needed for per-client rate limits behind one). */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Run the job workers inside the HTTP process. */
  @Transform(toBool)
  @IsBoolean()
  WORKERS_ENABLED = true;

  /** Prometheus metrics on their own port, never the public one; 0 picks a free port (tests). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  METRICS_PORT = 9464;

  /** Where the metrics port listens: loopback unless a scraper elsewhere must reach it. */
  @IsString()
  @MinLength(1)
  METRICS_HOST = '127.0.0.1';

  /** How long to wait for a Postgres connection (new, or free in the pool) before answering 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_CONNECT_TIMEOUT_MS = 5_000;

  /** Longest a statement may run; the server cancels it, and the client gives up soon after if the server is frozen. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_STATEMENT_TIMEOUT_MS = 15_000;

  /** Longest a statement waits for a row or table lock. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_LOCK_TIMEOUT_MS = 10_000;

  /** A transaction left idle this long is ended by the server, releasing its locks. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(3_600_000)
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = 30_000;

  /** After SIGTERM or SIGINT: in-flight requests finish, then everything closes; past this the process exits anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(1_000)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  MAIL_MAX_ATTEMPTS = 12;

  /** First retry delay; later retries back off exponentially. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_RETRY_DELAY_MS = 15_000;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ORG_NAME_TH = 'เทศบาลตัวอย่าง';

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  ORG_NAME_EN = 'Example Municipality';

  @IsOptional()
  @IsString()
  @MaxLength(100)
  ORG_PHONE?: string;

  @IsOptional()
  @IsEmail()
  ORG_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  ORG_ADDRESS?: string;

  /**
   * Signs staff access tokens (HS256). Required in production; elsewhere a
   * random per-process secret is used, so tokens end with the process.
   */
  @IsOptional()
  @IsString()
  @MinLength(32)
  AUTH_TOKEN_SECRET?: string;

  /**
   * The whistleblower identity vault's AES-256-GCM keys, `keyId:base64` pairs
   * separated by commas, the first one current. Required in production.
   */
  @IsOptional()
  @IsString()
  IDENTITY_KEYS?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(24 * 3600)
  AUTH_TOKEN_TTL_SECONDS = 15 * 60;

  /** Consecutive failed logins before the account is locked for AUTH_LOCKOUT_MINUTES. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_MAX_FAILED_LOGINS = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_LOCKOUT_MINUTES = 15;

  /**
   * Sign-in attempts per minute per client address that may fail (wrong
   * password, unknown or locked account, wrong code); a successful sign-in
   * gives its attempt back. Independent of PUBLIC_RATE_LIMIT, and never off:
   * it stops one client from locking out many accounts.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  AUTH_SIGN_IN_RATE_LIMIT = 10;

  @IsIn(['local', 's3'])
  ATTACHMENTS_DRIVER: 'local' | 's3' = 'local';

  /** Where the local driver keeps files; outside the web root, never served directly. */
  @IsString()
  @MinLength(1)
  ATTACHMENTS_DIR = './var/attachments';

  @IsOptional()
  @IsUrl({ protocols: ['http', 'https'], require_tld: false, require_protocol: true })
  S3_ENDPOINT?: string;

  @IsOptional()
  @IsString()
  S3_REGION?: string;

  @IsOptional()
  @IsString()
  S3_BUCKET?: string;

  @IsOptional()
  @IsString()
  S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  S3_SECRET_ACCESS_KEY?: string;

  /** The Chromium that renders the executive report's PDF (Debian's package). */
  @IsString()
  @MinLength(1)
  CHROMIUM_PATH = '/usr/bin/chromium';

  /** Password of the seeded users; only `npm run seed` needs it. */
  @IsOptional()
  @IsString()
  @MinLength(8)
  SEED_PASSWORD?: string;
}

/** What every module may read: nothing here opens a door. */
export interface AppConfig {
  env: Environment['NODE_ENV'];
  port: number;
  redisPrefix: string;
  mail: { from: string; maxAttempts: number; retryDelayMs: number };
  publicBaseUrl: string;
  /** Requests per minute per client for each budget; 0 turns a budget off. */
  rateLimits: { public: number; tracking: number };
  trustProxy: boolean;
  workersEnabled: boolean;
  metrics: { port: number; host: string };
  logLevel: string;
  database: DatabaseTimeouts;
  shutdownTimeoutMs: number;
  organisation: { nameTh: string; nameEn: string; phone?: string; email?: string; address?: string };
  auth: { tokenTtlSeconds: number; maxFailedLogins: number; lockoutMinutes: number; signInRateLimit: number };
  attachments:
    | { driver: 'local'; dir: string }
    | { driver: 's3'; endpoint?: string; region: string; bucket: string; accessKeyId?: string };
  reports: { chromiumPath: string };
  whistleblower: WhistleblowerSettings;
}

/** The separate channel's limits: every one always on. */
export interface WhistleblowerSettings {
  powDifficulty: number;
  noPowReportsPerHour: number;
  receiptFailuresPerClientHour: number;
  receiptFailuresPerMinute: number;
  tokenTtlSeconds: number;
}

/** Bounds on every wait for Postgres, so that a stopped or frozen server costs a request seconds, not minutes. */
export interface DatabaseTimeouts {
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  lockTimeoutMs: number;
  idleInTransactionTimeoutMs: number;
}

/** One AES-256-GCM key of the whistleblower identity vault. */
export interface IdentityKey {
  id: string;
  key: Buffer;
}

/**
 * What opens a door: connection strings with passwords, signing and
 * encryption keys. Never provided globally; the root module hands each one
 * to the one module that uses it.
 */
export interface Secrets {
  databaseUrl: string;
  redisUrl: string;
  smtpUrl: string;
  authTokenSecret: string;
  /** The first is current; the others still decrypt what they encrypted. */
  identityKeys: IdentityKey[];
  s3SecretAccessKey?: string;
  seedPassword?: string;
}

export interface BootConfig {
  config: AppConfig;
  secrets: Secrets;
}

const TYPE_RULES = ['isInt', 'isBoolean', 'isUrl', 'isIn', 'isEmail', 'isString'];
/** Their values never appear in a message: a typo in a password is still the password. */
const SECRET_VARIABLES = new Set(['AUTH_TOKEN_SECRET', 'IDENTITY_KEYS', 'SEED_PASSWORD', 'S3_SECRET_ACCESS_KEY']);
const URL_VARIABLES = new Set(['DATABASE_URL', 'REDIS_URL', 'SMTP_URL']);

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

/** How a bad value is quoted back: secrets not at all, URLs without their credentials. */
function shown(variable: string, value: unknown): string {
  if (SECRET_VARIABLES.has(variable)) return '(value hidden)';
  const text = String(value);
  if (URL_VARIABLES.has(variable)) {
    // Whatever sits between "//" and "@" is a user and password: never echoed.
    return `(got "${text.replace(/\/\/[^@/]*@/, '//***@').slice(0, 200)}")`;
  }
  return `(got "${text.slice(0, 200)}")`;
}

const KEY_PAIR = /^([A-Za-z0-9_-]{1,32}):([A-Za-z0-9+/]{43}=)$/;

/** `keyId:base64-of-32-bytes,...`; the error never quotes a key. */
export function parseIdentityKeys(text: string): IdentityKey[] {
  const keys = text.split(',').map((pair, i) => {
    const m = KEY_PAIR.exec(pair.trim());
    const key = m ? Buffer.from(m[2], 'base64') : null;
    if (!m || !key || key.length !== 32) {
      throw new ConfigError('IDENTITY_KEYS', `entry ${i + 1} must be keyId:base64-of-32-bytes (value hidden)`);
    }
    return { id: m[1], key };
  });
  if (new Set(keys.map((k) => k.id)).size !== keys.length) {
    throw new ConfigError('IDENTITY_KEYS', 'has the same key id twice (value hidden)');
  }
  return keys;
}

/**
 * Outside production a vault without keys still has to work, and keep
 * working across restarts of a developer's server: a fixed key, named so
 * that nobody mistakes it for a real one. Production refuses to start without
 * IDENTITY_KEYS.
 */
const DEVELOPMENT_IDENTITY_KEY: IdentityKey = {
  id: 'dev-only',
  key: createHash('sha256').update('rongrian development identity key: never use in production').digest(),
};

/**
 * Reads and validates the environment once. Empty variables count as unset,
 * so that `FOO=` in a compose file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv): BootConfig {
  const defined = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const e = plainToInstance(Environment, defined, { exposeDefaultValues: true });
  const errors = validateSync(e, { whitelist: false, skipMissingProperties: false });
  if (errors.length > 0) {
    const first = errors[0];
    const constraints = first.constraints ?? {};
    // Say what kind of value is wanted before any bound it breaks.
    const key = TYPE_RULES.find((rule) => rule in constraints) ?? Object.keys(constraints)[0];
    const detail = (key && constraints[key]) || 'is invalid';
    throw new ConfigError(first.property, `${detail.replace(first.property, '').trim()} ${shown(first.property, first.value)}`);
  }
  const production = e.NODE_ENV === 'production';
  if (production && !e.AUTH_TOKEN_SECRET) {
    throw new ConfigError('AUTH_TOKEN_SECRET', 'must be set in production (32 characters or more)');
  }
  if (production && !e.IDENTITY_KEYS) {
    throw new ConfigError('IDENTITY_KEYS', 'must be set in production (keyId:base64-of-32-bytes, comma-separated)');
  }
  if (e.ATTACHMENTS_DRIVER === 's3' && !e.S3_BUCKET) {
    throw new ConfigError('S3_BUCKET', 'must be set when ATTACHMENTS_DRIVER is s3');
  }
  const config: AppConfig = {
    env: e.NODE_ENV,
    port: e.PORT,
    redisPrefix: e.REDIS_PREFIX,
    mail: { from: e.MAIL_FROM, maxAttempts: e.MAIL_MAX_ATTEMPTS, retryDelayMs: e.MAIL_RETRY_DELAY_MS },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    rateLimits: { public: e.PUBLIC_RATE_LIMIT, tracking: e.TRACKING_RATE_LIMIT },
    trustProxy: e.TRUST_PROXY,
    workersEnabled: e.WORKERS_ENABLED,
    metrics: { port: e.METRICS_PORT, host: e.METRICS_HOST },
    logLevel: e.LOG_LEVEL,
    database: {
      connectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      lockTimeoutMs: e.DATABASE_LOCK_TIMEOUT_MS,
      idleInTransactionTimeoutMs: e.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
    },
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    organisation: {
      nameTh: e.ORG_NAME_TH,
      nameEn: e.ORG_NAME_EN,
      phone: e.ORG_PHONE,
      email: e.ORG_EMAIL,
      address: e.ORG_ADDRESS,
    },
    auth: {
      tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
      maxFailedLogins: e.AUTH_MAX_FAILED_LOGINS,
      lockoutMinutes: e.AUTH_LOCKOUT_MINUTES,
      signInRateLimit: e.AUTH_SIGN_IN_RATE_LIMIT,
    },
    attachments:
      e.ATTACHMENTS_DRIVER === 's3'
        ? {
            driver: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION ?? 'us-east-1',
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID,
          }
        : { driver: 'local', dir: e.ATTACHMENTS_DIR },
    reports: { chromiumPath: e.CHROMIUM_PATH },
    whistleblower: {
      powDifficulty: e.WHISTLEBLOWER_POW_DIFFICULTY,
      noPowReportsPerHour: e.WHISTLEBLOWER_NO_POW_LIMIT,
      receiptFailuresPerClientHour: e.WHISTLEBLOWER_RECEIPT_CLIENT_LIMIT,
      receiptFailuresPerMinute: e.WHISTLEBLOWER_RECEIPT_GLOBAL_LIMIT,
      tokenTtlSeconds: e.WHISTLEBLOWER_TOKEN_TTL_SECONDS,
    },
  };
  const secrets: Secrets = {
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    authTokenSecret: e.AUTH_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
    identityKeys: e.IDENTITY_KEYS ? parseIdentityKeys(e.IDENTITY_KEYS) : [DEVELOPMENT_IDENTITY_KEY],
    s3SecretAccessKey: e.S3_SECRET_ACCESS_KEY,
    seedPassword: e.SEED_PASSWORD,
  };
  return { config, secrets };
}

/** For entry points: load or print one line naming the variable and exit. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): BootConfig {
  try {
    return loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}
