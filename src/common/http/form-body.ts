import { parse } from 'node:querystring';
import { DomainError } from '../errors/domain-error';
import { isForbiddenFieldName } from './json-body';
import { percentEscapesAreUtf8 } from './query-encoding';

/** A web form here has a dozen fields; this bounds the object a posted form builds. */
export const FORM_BODY_MAX_FIELDS = 1_000;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(raw: Buffer): string | null {
  try {
    return utf8.decode(raw);
  } catch {
    return null;
  }
}

/**
 * Parses an application/x-www-form-urlencoded body, refusing one with more
 * fields than any form has, one that is not UTF-8 (raw or percent-escaped),
 * and one with a field named like a prototype (as JSON bodies are).
 */
export function parseFormBody(raw: Buffer, maxFields = FORM_BODY_MAX_FIELDS): Record<string, string | string[]> {
  const text = decodeUtf8(raw);
  if (text === null || !percentEscapesAreUtf8(text)) throw DomainError.field('body', 'invalidUtf8', 'The form is not valid UTF-8');
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1 && fields <= maxFields; i = text.indexOf('&', i + 1)) fields++;
  if (fields > maxFields) throw DomainError.field('body', 'tooManyEntries', `The form has more than ${maxFields} fields`);
  const parsed = parse(text, '&', '=', { maxKeys: 0 });
  const forbidden = Object.keys(parsed).find(isForbiddenFieldName);
  if (forbidden !== undefined) throw DomainError.field('body', 'forbiddenKey', `The form must not have a field named ${forbidden}`);
  // A copy with an ordinary prototype: querystring's own has none, which surprises code that calls methods on it.
  return { ...parsed } as Record<string, string | string[]>;
}
