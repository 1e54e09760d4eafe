import { DomainError } from '../errors/domain-error';

/**
 * A position in a list ordered by (instant, id): the instant to the
 * microsecond as Postgres keeps it (a JS Date would drop the last three
 * digits), and the row id that breaks ties.
 */
export interface Cursor {
  value: string;
  id: string;
}

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{1,6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const BIGINT = /^[1-9]\d{0,17}$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString('base64url');
}

/** An instant Postgres will take: well formed, and a real date (no 31 February). */
function isRealInstant(text: string): boolean {
  const m = INSTANT.exec(text);
  // Postgres has no year 0; no cursor of ours is older than the register.
  if (!m || Number(m[1]) < 1000) return false;
  const at = new Date(text);
  return !Number.isNaN(at.getTime()) && at.toISOString().slice(0, 19) === text.slice(0, 19);
}

/** The cursor this API gave out, or a 400 naming `cursor`: never a query Postgres would refuse. */
export function decodeCursor(text: string, idKind: 'uuid' | 'bigint' = 'uuid'): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(parsed) && parsed.length === 2) {
      const [value, id] = parsed as unknown[];
      const idOk = typeof id === 'string' && (idKind === 'uuid' ? UUID : BIGINT).test(id);
      if (typeof value === 'string' && isRealInstant(value) && idOk) return { value, id: id as string };
    }
  } catch {
    // fall through to the same answer as any other bad cursor
  }
  throw DomainError.field('cursor', 'invalid', 'cursor is not one this API gave out');
}

/** The SQL expression that renders a timestamptz column as a cursor value. */
export function cursorValueSql(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}
