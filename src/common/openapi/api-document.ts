import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { OperationObject, ReferenceObject, ResponseObject, SchemaObject } from '@nestjs/swagger';
import { ERROR_DESCRIPTIONS, ErrorStatus } from './api-errors.decorator';
import { ErrorBodyDto } from './error-body.dto';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

function errorAnswer(status: ErrorStatus): ResponseObject {
  return {
    description: ERROR_DESCRIPTIONS[status],
    content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } },
    ...(status === 503 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
  };
}

/**
 * Answers that come from the platform rather than from an endpoint: any
 * body can be malformed (400) or over the limit (413), and any request can
 * meet Postgres or Redis away (503). An endpoint's own description wins.
 */
function addPlatformAnswers(operation: OperationObject): void {
  const statuses: ErrorStatus[] = operation.requestBody ? [400, 413, 503] : [503];
  for (const status of statuses) operation.responses[status] ??= errorAnswer(status);
}

/**
 * Bodies are validated with forbidNonWhitelisted and answers are mapped
 * field by field, so every object the API takes or gives has exactly the
 * properties listed: saying so lets a client (and the contract test) catch
 * a renamed or leaked field. A schema that allows more says so itself.
 */
function closeObjects(schema: SchemaObject | ReferenceObject | undefined): void {
  if (!schema || '$ref' in schema) return;
  if (schema.type === 'object' && schema.properties && schema.additionalProperties === undefined) schema.additionalProperties = false;
  for (const nested of Object.values(schema.properties ?? {})) closeObjects(nested);
  for (const nested of [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])]) closeObjects(nested);
  if (schema.items) closeObjects(schema.items);
}

/** The OpenAPI document served at /api/docs-json: what the controllers declare, plus what the platform answers. */
export function createApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Rongrian API')
      .setDescription(
        'Complaint and whistleblower case tracking for Thai local governments. Every error has the body ErrorBodyDto: ' +
          '`{ statusCode, error, message, code?, details? }`, with `details` naming each wrong field on a 400.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A receipt token from POST /api/v1/whistleblower/access; never a staff token' }, 'receipt')
      .build(),
    { extraModels: [ErrorBodyDto] },
  );
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) addPlatformAnswers(operation);
    }
  }
  for (const schema of Object.values(document.components?.schemas ?? {})) closeObjects(schema);
  return document;
}
