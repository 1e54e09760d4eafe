import type { FieldError } from '../errors/domain-error';

/**
 * C0 controls but tab, line feed and carriage return (textareas post CRLF),
 * DEL and the C1 controls. Postgres refuses U+0000 in text outright; the
 * others have no place in a complaint and hide text from whoever reads it.
 */
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(value: string): 'controlCharacter' | 'unpairedSurrogate' | null {
  if (CONTROL_CHARACTER.test(value)) return 'controlCharacter';
  // A lone UTF-16 surrogate has no UTF-8 form: validators that encode it throw.
  if (UNPAIRED_SURROGATE.test(value)) return 'unpairedSurrogate';
  return null;
}

const MESSAGES = {
  controlCharacter: 'must not contain control characters (only tab and line breaks are allowed)',
  unpairedSurrogate: 'must be well-formed Unicode text (it contains an unpaired surrogate)',
};

/** The message for a field whose text has a problem. */
export function textProblemMessage(field: string, problem: keyof typeof MESSAGES): string {
  return `${field} ${MESSAGES[problem]}`;
}

/**
 * The first string anywhere in an input (body, query, form) that cannot be
 * stored as text, as a field error. Run before any validator: some of them
 * throw on such strings instead of answering false (isEmail encodes its
 * input as a URI), and a throw would be a 500.
 */
export function findUnsafeText(value: unknown, path = ''): FieldError | null {
  // Breadth-first and iterative, so the first field named is the shallowest and no input can overflow the stack.
  const pending: Array<[unknown, string]> = [[value, path]];
  for (let next = 0; next < pending.length; next++) {
    const [current, at] = pending[next];
    if (typeof current === 'string') {
      const problem = textProblem(current);
      if (problem) {
        const field = at || 'body';
        return { field, code: problem, message: textProblemMessage(field, problem) };
      }
    } else if (ArrayBuffer.isView(current)) {
      continue;
    } else if (Array.isArray(current)) {
      current.forEach((item, i) => pending.push([item, `${at}[${i}]`]));
    } else if (current !== null && typeof current === 'object') {
      for (const [key, item] of Object.entries(current)) pending.push([item, at ? `${at}.${key}` : key]);
    }
  }
  return null;
}
