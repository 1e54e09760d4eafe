import type { ApiPropertyOptions, SchemaObject } from '@nestjs/swagger';

/**
 * A small object that may be null, written inline: OpenAPI 3.0 cannot make a
 * `$ref` nullable, and validators reject `nullable` beside `allOf`. The
 * property is required, and so is every property of the object.
 */
export function nullableObject(properties: Record<string, SchemaObject>, description?: string): ApiPropertyOptions {
  return {
    type: 'object',
    nullable: true,
    properties,
    required: Object.keys(properties),
    // `required` above lists the object's own properties; this makes the property itself required.
    selfRequired: true,
    ...(description ? { description } : {}),
  } as ApiPropertyOptions;
}
