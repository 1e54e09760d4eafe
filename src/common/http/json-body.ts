import { DomainError } from '../errors/domain-error';

/**
 * What one JSON body may hold. A complaint is a dozen fields two levels
 * deep; these leave room for any form this API takes while bounding the
 * work that validation, and its answer, do per request (100,000 unknown
 * keys once cost 5.5 s and an 8 MB answer).
 */
export const JSON_BODY_LIMITS = { maxDepth: 32, maxEntries: 2_000 };

const utf8 = new TextDecoder('utf-8', { fatal: true });
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;

const refuse = (code: string, message: string) => DomainError.field('body', code, message);

/**
 * Nesting depth and number of keys and array items, read from the text in
 * one pass before JSON.parse builds anything; stops at the first limit
 * passed. Outside strings, each key has a colon and each further array
 * item a comma.
 */
function checkShape(text: string, { maxDepth, maxEntries }: typeof JSON_BODY_LIMITS): void {
  const inArray = new Uint8Array(maxDepth + 1);
  let depth = 0;
  let entries = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (++depth > maxDepth) throw refuse('tooDeep', `The JSON body is nested deeper than ${maxDepth} levels`);
      inArray[depth] = c === OPEN_ARRAY ? 1 : 0;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
    } else if (c === COLON || (c === COMMA && inArray[depth])) {
      if (++entries > maxEntries) {
        throw refuse('tooManyEntries', `The JSON body has more than ${maxEntries} keys and array items`);
      }
    }
  }
}

/**
 * `__proto__` (and `constructor.prototype`) would replace the prototype of
 * whatever object a library copies the body into, and class-transformer
 * drops a key named `constructor` without a word, so that it would slip past
 * the check for unknown fields. Nothing here has a field of any of these
 * names, so such a body is refused. The walk is bounded by checkShape.
 */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A form field's name (`complainant.name`, `a[b]`) with one of those names as a part; no form has one. */
export function isForbiddenFieldName(name: string): boolean {
  return name.split(/[.[\]]/).some((part) => FORBIDDEN_KEYS.has(part));
}

function checkKeys(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(checkKeys);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (FORBIDDEN_KEYS.has(key)) throw refuse('forbiddenKey', `The JSON body must not have a key named ${key}`);
      checkKeys(item);
    }
  }
}

/** Parses a request body as JSON, refusing with a 400 whatever would cost more than its size to handle. */
export function parseJsonBody(raw: Buffer, limits = JSON_BODY_LIMITS): unknown {
  let text: string;
  try {
    text = utf8.decode(raw);
  } catch {
    throw refuse('invalidUtf8', 'The body is not valid UTF-8');
  }
  if (text.trim() === '') throw refuse('empty', 'The body is empty but its content-type is application/json');
  checkShape(text, limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw refuse('invalidJson', `The body is not valid JSON: ${(err as Error).message}`);
  }
  checkKeys(value);
  return value;
}
