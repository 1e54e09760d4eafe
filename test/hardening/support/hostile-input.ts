/**
 * The hostile input of the abuse fuzz (issue 13), shared by the fuzz of the
 * public and staff endpoints and that of the whistleblower channel: a seeded
 * generator, injection and traversal strings, polluting keys, and one-field
 * mutations of a valid JSON body.
 */

/** A small deterministic generator (mulberry32): a failure names its seed and replays. */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
export const pick = <T>(rnd: () => number, items: readonly T[]): T => items[Math.floor(rnd() * items.length)];

export const SQL_INJECTIONS = [
  "' OR '1'='1",
  "1' OR 1=1--",
  "'; DROP TABLE cases; --",
  "1; SELECT pg_sleep(5)--",
  "' UNION SELECT id, password_hash FROM users--",
  "$$; DELETE FROM cases; $$",
  '1) OR (1=1',
  "admin'--",
];
export const SCRIPT_INJECTIONS = ['<script>alert(1)</script>', '"><img src=x onerror=alert(1)>', 'javascript:alert(1)', '{{7*7}}', '${7*7}'];
export const TRAVERSALS = ['../../../../etc/passwd', '..\\..\\..\\windows\\win.ini', '/etc/passwd', '....//....//etc/passwd', '%2e%2e%2f%2e%2e%2fetc%2fpasswd'];
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'];

/** A value of the wrong kind for a field that wants `kind`. */
export function wrongValue(rnd: () => number, kind: FieldKind): unknown {
  const common: unknown[] = [[], [[[]]], {}, { $gt: '' }, 1e308, -1, 0.5];
  const byKind: Record<FieldKind, unknown[]> = {
    text: [true, 12345, ...common],
    enum: [true, 7, 'x'.repeat(300), ...SQL_INJECTIONS, ...common],
    uuid: ["1' OR '1'='1", '../../etc/passwd', '00000000-0000-0000-0000-00000000000g', 42, ...common],
    date: ['yesterday', '2025-13-45T25:61:00Z', "2025-01-01' OR '1'='1", 1e15, ...common],
    email: ["a@b.c' OR 1=1--", '<script>@x.y', 'not-an-email', 42, ...common],
    boolean: ['yes', 'true', 1, 'on', null, ...common],
    rating: [0, 6, 2.5, '5', '1 OR 1=1', null, ...common],
  };
  return pick(rnd, byKind[kind]);
}

export type FieldKind = 'text' | 'enum' | 'uuid' | 'date' | 'email' | 'boolean' | 'rating';

export interface JsonEndpoint {
  name: string;
  method: 'POST';
  url: () => string;
  auth?: () => string;
  valid: () => Record<string, unknown>;
  /** The fields, dotted for nested ones, and the kind of value each wants. */
  fields: Record<string, FieldKind>;
}

export function setPath(body: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let target = body;
  for (const p of parts.slice(0, -1)) target = (target[p] ??= {}) as Record<string, unknown>;
  target[parts[parts.length - 1]] = value;
}

/** A valid body with one thing made wrong: a field's type, an unknown or polluting key, a nesting. */
export function mutate(rnd: () => number, e: JsonEndpoint): { what: string; body: string } {
  const body = e.valid();
  const fields = Object.entries(e.fields);
  const [field, kind] = pick(rnd, fields);
  const roll = rnd();
  if (roll < 0.6) {
    const value = wrongValue(rnd, kind);
    setPath(body, field, value);
    return { what: `${field} = ${JSON.stringify(value)?.slice(0, 60)}`, body: JSON.stringify(body) };
  }
  if (roll < 0.8) {
    const key = pick(rnd, POLLUTION_KEYS);
    const where = field.includes('.') ? field.split('.')[0] : null;
    const inner = JSON.stringify({ polluted: true, prototype: { polluted: true } });
    const json = JSON.stringify(body);
    // Written by hand: JSON.stringify never emits an own __proto__ key.
    // A group the valid body leaves out (an optional one) is added holding only the polluting key.
    const raw = !where
      ? json.replace(/^\{/, `{"${key}":${inner},`)
      : json.includes(`"${where}":{`)
        ? json.replace(`"${where}":{`, `"${where}":{"${key}":${inner},`)
        : json.replace(/^\{/, `{"${where}":{"${key}":${inner}},`);
    return { what: `${where ?? 'body'} with ${key}`, body: raw };
  }
  const unknown = pick(rnd, ['isAdmin', 'role', 'status', 'id', 'referenceNo', "a' OR 1=1--", '<script>']);
  setPath(body, unknown, pick(rnd, [true, 'admin', 'closed', "' OR '1'='1"]));
  return { what: `unknown key ${unknown}`, body: JSON.stringify(body) };
}

export const TEN_MB = 10 * 1024 * 1024;

export const isClientError = (status: number) => status >= 400 && status < 500;
