import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validate, ValidationError, ValidatorOptions } from 'class-validator';
import { FieldError } from '../errors/domain-error';

export const VALIDATOR_OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
};

/** Flattens class-validator's tree into one entry per failed rule, with dotted field paths. */
export function toFieldErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.entries(e.constraints ?? {}).map(([code, message]) => ({
      field,
      code: code === 'whitelistValidation' ? 'unknownField' : code,
      message,
    }));
    return [...own, ...toFieldErrors(e.children ?? [], field)];
  });
}

/** The same validation the API pipe applies, for inputs that do not arrive as JSON (web forms). */
export async function validateInput<T extends object>(
  cls: ClassConstructor<T>,
  plain: unknown,
): Promise<{ value: T; errors: null } | { value: null; errors: FieldError[] }> {
  const value = plainToInstance(cls, plain);
  const errors = await validate(value, VALIDATOR_OPTIONS);
  return errors.length ? { value: null, errors: toFieldErrors(errors) } : { value, errors: null };
}
