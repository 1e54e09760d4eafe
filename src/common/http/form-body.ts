import { parse } from 'node:querystring';
import { DomainError } from '../errors/domain-error';

/** A web form here has a dozen fields; this bounds the object a posted form builds. */
export const FORM_BODY_MAX_FIELDS = 1_000;

/** Parses an application/x-www-form-urlencoded body, refusing one with more fields than any form has. */
export function parseFormBody(raw: Buffer, maxFields = FORM_BODY_MAX_FIELDS): Record<string, string | string[]> {
  const text = raw.toString('utf8');
  let fields = 1;
  for (let i = text.indexOf('&'); i !== -1 && fields <= maxFields; i = text.indexOf('&', i + 1)) fields++;
  if (fields > maxFields) throw DomainError.field('body', 'tooManyEntries', `The form has more than ${maxFields} fields`);
  // A copy with an ordinary prototype: querystring's own has none, which surprises code that calls methods on it.
  return { ...parse(text, '&', '=', { maxKeys: 0 }) } as Record<string, string | string[]>;
}
