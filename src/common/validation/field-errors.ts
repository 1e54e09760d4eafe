import { Logger } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError, ErrorCode, FieldError } from '../errors/domain-error';
import { findUnsafeText } from './safe-text';

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

/** An answer never lists more problems than this; the rest are counted. */
export const MAX_REPORTED_ERRORS = 20;

const UNKNOWN_FIELD = 'whitelistValidation';

/**
 * Flattens class-validator's tree into one entry per failed rule, with
 * dotted field paths. A field that is absent (or null) gets one `required`
 * entry instead of every rule its missing value breaks.
 */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const constraints = e.constraints ?? {};
    // Nest's pipe deletes `value` from errors that have children; those are present, just wrong inside.
    const absent = (e.value === undefined || e.value === null) && !e.children?.length && !(UNKNOWN_FIELD in constraints);
    if (absent && Object.keys(constraints).length) {
      return [{ field, code: 'required', message: `${field} is required` }];
    }
    const own = Object.entries(constraints).map(([code, message]) => ({
      field,
      code: code === UNKNOWN_FIELD ? 'unknownField' : code,
      message,
    }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/** The 400 for these problems, listing at most MAX_REPORTED_ERRORS of them and counting the rest. */
export function validationFailed(details: FieldError[]): DomainError {
  if (details.length <= MAX_REPORTED_ERRORS) return DomainError.validation(details);
  const omitted = details.length - MAX_REPORTED_ERRORS;
  return new DomainError(
    ErrorCode.ValidationFailed,
    `Validation failed (${details.length} problems; the first ${MAX_REPORTED_ERRORS} are listed)`,
    details.slice(0, MAX_REPORTED_ERRORS),
    { detailsOmitted: omitted },
  );
}

const logger = new Logger('Validation');

/**
 * class-validator's rules call into validator.js, which may throw on input
 * it did not expect instead of answering false. The input is still what is
 * wrong, so the client gets a 400; the log keeps the rule's failure for us.
 */
export function validatorThrew(err: unknown): DomainError {
  logger.warn(`a validator threw instead of refusing: ${err instanceof Error ? err.message : String(err)}`);
  return DomainError.field('body', 'invalid', 'The input could not be validated');
}

/** The same validation the API pipe applies, for inputs that do not arrive as JSON (web forms). */
export async function validateInput<T extends object>(
  cls: ClassConstructor<T>,
  plain: unknown,
): Promise<{ value: T; errors: null } | { value: null; errors: FieldError[] }> {
  const unsafe = findUnsafeText(plain);
  if (unsafe) return { value: null, errors: [unsafe] };
  const value = plainToInstance(cls, plain);
  let found: ValidationError[];
  try {
    found = await validate(value, VALIDATOR_OPTIONS);
  } catch (err) {
    return { value: null, errors: validatorThrew(err).details ?? [] };
  }
  const errors = toFieldErrors(found);
  return errors.length ? { value: null, errors: errors.slice(0, MAX_REPORTED_ERRORS) } : { value, errors: null };
}
