import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

const trim = Transform(({ value }) => (typeof value === 'string' ? value.trim() : value));

/** A required piece of text: trimmed, not blank, bounded. */
export function RequiredText(maxLength: number): PropertyDecorator {
  return applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(maxLength));
}

/** Optional text: trimmed; blank counts as absent. */
export function OptionalText(maxLength: number): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() || undefined : value)),
    IsOptional(),
    IsString(),
    MaxLength(maxLength),
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
  );
}

/** PATCH fields: absent means unchanged, but an explicit null is a mistake, not a request to clear. */
export const UnlessAbsent = () => ValidateIf((_object, value) => value !== undefined);

/** `?flag=true|false` from a query string; anything else is left for IsBoolean to reject. */
export const QueryBoolean = () =>
  Transform(({ obj, key }) => {
    const raw: unknown = obj[key];
    return raw === 'true' ? true : raw === 'false' ? false : raw;
  });
