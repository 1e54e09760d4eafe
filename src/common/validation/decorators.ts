import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

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
