import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, registerDecorator, ValidateIf, ValidationOptions } from 'class-validator';
import { textProblem, textProblemMessage } from './safe-text';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Text that Postgres and every validator can take: no control characters
 * but tab and line breaks, no unpaired surrogate. The pipe checks every
 * string of an input before validation; this keeps the rule on the DTO for
 * whoever validates one directly.
 */
export function IsStorableText(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStorableText',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property, value }) => textProblemMessage(property, (typeof value === 'string' && textProblem(value)) || 'controlCharacter'),
        ...options,
      },
      validator: { validate: (value: unknown) => typeof value !== 'string' || textProblem(value) === null },
    });
}

/** A required piece of text: trimmed, not blank, bounded. */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(maxLength), IsStorableText());
}

/** Optional text: trimmed; blank counts as absent. */
export function OptionalText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value)),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
    IsStorableText(),
  );
}

/**
 * Optional text of a PATCH that can be cleared: absent leaves it as it is,
 * blank (or null) clears it and arrives as null.
 */
export function ClearableText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || null : value)),
    ValidateIf((_object, value) => value !== null && value !== undefined),
    IsString(),
    MaxLength(maxLength),
    IsStorableText(),
  );
}

/**
 * An ISO 8601 instant no earlier than `earliest` (a date such as
 * '2000-01-01'): the database's fiscal-year rules refuse years far outside
 * the present, and such a date is a typo anyway. Pair it with IsISO8601.
 */
export function NotBefore(earliest: string, options?: ValidationOptions): PropertyDecorator {
  const bound = Date.parse(earliest);
  return (target, propertyName) =>
    registerDecorator({
      name: 'notBefore',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must not be before ${earliest}`, ...options },
      validator: {
        // Unparseable text is IsISO8601's to report.
        validate: (value: unknown) => typeof value !== 'string' || Number.isNaN(Date.parse(value)) || Date.parse(value) >= bound,
      },
    });
}

/** PATCH fields: absent means unchanged, but an explicit null is a mistake, not a request to clear. */
export const UnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

/** `?flag=true|false` from a query string; anything else is left for IsBoolean to reject. */
export const QueryBoolean = () =>
  Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  });
