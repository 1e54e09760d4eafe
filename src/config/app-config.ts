import { plainToInstance, Transform } from 'class-transformer';
import { randomBytes } from 'node:crypto';
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

  /** Requests per minute per client on public endpoints; 0 turns limiting off. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  PUBLIC_RATE_LIMIT = 30;

  /** Trust X-Forwarded-For from a reverse proxy (needed for per-client rate limits behind one). */
  @Transform(toBool)
  @IsBoolean()
  TRUST_PROXY = false;

  /** Run the job workers inside the HTTP process. */
  @Transform(toBool)
  @IsBoolean()
  WORKERS_ENABLED = true;

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

  /** Password of the seeded users; only `npm run seed` needs it. */
  @IsOptional()
  @IsString()
  @MinLength(8)
  SEED_PASSWORD?: string;
}

export interface AppConfig {
  env: Environment['NODE_ENV'];
  port: number;
  databaseUrl: string;
  redis: { url: string; prefix: string };
  mail: { smtpUrl: string; from: string; maxAttempts: number; retryDelayMs: number };
  publicBaseUrl: string;
  publicRateLimit: number;
  trustProxy: boolean;
  workersEnabled: boolean;
  logLevel: string;
  organisation: { nameTh: string; nameEn: string; phone?: string; email?: string; address?: string };
  seedPassword?: string;
  auth: { tokenSecret: string; tokenTtlSeconds: number; maxFailedLogins: number; lockoutMinutes: number };
  attachments:
    | { driver: 'local'; dir: string }
    | {
        driver: 's3';
        endpoint?: string;
        region: string;
        bucket: string;
        accessKeyId?: string;
        secretAccessKey?: string;
      };
}

const TYPE_RULES = ['isInt', 'isBoolean', 'isUrl', 'isIn', 'isEmail', 'isString'];

export class ConfigError extends Error {
  constructor(readonly variable: string, detail: string) {
    super(`Invalid configuration: ${variable} ${detail}`);
  }
}

/**
 * Reads and validates the environment once. Empty variables count as unset,
 * so that `FOO=` in a compose file falls back to the default.
 */
export function loadConfig(env: NodeJS.ProcessEnv): AppConfig {
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
    throw new ConfigError(first.property, `${detail.replace(first.property, '').trim()} (got "${String(first.value)}")`);
  }
  if (e.NODE_ENV === 'production' && !e.AUTH_TOKEN_SECRET) {
    throw new ConfigError('AUTH_TOKEN_SECRET', 'must be set in production (32 characters or more)');
  }
  if (e.ATTACHMENTS_DRIVER === 's3' && !e.S3_BUCKET) {
    throw new ConfigError('S3_BUCKET', 'must be set when ATTACHMENTS_DRIVER is s3');
  }
  return {
    env: e.NODE_ENV,
    port: e.PORT,
    databaseUrl: e.DATABASE_URL,
    redis: { url: e.REDIS_URL, prefix: e.REDIS_PREFIX },
    mail: {
      smtpUrl: e.SMTP_URL,
      from: e.MAIL_FROM,
      maxAttempts: e.MAIL_MAX_ATTEMPTS,
      retryDelayMs: e.MAIL_RETRY_DELAY_MS,
    },
    publicBaseUrl: e.PUBLIC_BASE_URL.replace(/\/+$/, ''),
    publicRateLimit: e.PUBLIC_RATE_LIMIT,
    trustProxy: e.TRUST_PROXY,
    workersEnabled: e.WORKERS_ENABLED,
    logLevel: e.LOG_LEVEL,
    organisation: {
      nameTh: e.ORG_NAME_TH,
      nameEn: e.ORG_NAME_EN,
      phone: e.ORG_PHONE,
      email: e.ORG_EMAIL,
      address: e.ORG_ADDRESS,
    },
    seedPassword: e.SEED_PASSWORD,
    auth: {
      tokenSecret: e.AUTH_TOKEN_SECRET ?? randomBytes(32).toString('base64url'),
      tokenTtlSeconds: e.AUTH_TOKEN_TTL_SECONDS,
      maxFailedLogins: e.AUTH_MAX_FAILED_LOGINS,
      lockoutMinutes: e.AUTH_LOCKOUT_MINUTES,
    },
    attachments:
      e.ATTACHMENTS_DRIVER === 's3'
        ? {
            driver: 's3',
            endpoint: e.S3_ENDPOINT,
            region: e.S3_REGION ?? 'us-east-1',
            bucket: e.S3_BUCKET as string,
            accessKeyId: e.S3_ACCESS_KEY_ID,
            secretAccessKey: e.S3_SECRET_ACCESS_KEY,
          }
        : { driver: 'local', dir: e.ATTACHMENTS_DIR },
  };
}

/** For entry points: load or print one line naming the variable and exit. */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
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
