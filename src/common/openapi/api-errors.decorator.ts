import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorBodyDto } from './error-body.dto';

export const ERROR_STATUSES = [400, 401, 403, 404, 409, 413, 429, 503] as const;
export type ErrorStatus = (typeof ERROR_STATUSES)[number];

/** What each error status means across the API, unless an endpoint says more. */
export const ERROR_DESCRIPTIONS: Record<ErrorStatus, string> = {
  400: 'A field is wrong; `details` names each one',
  401: 'No valid access token',
  403: 'The role may not do this',
  404: 'Not found, or not within what the caller may see',
  409: 'Not possible in the current state',
  413: 'The body, or a file in it, is too large',
  429: 'Rate limit reached; wait for Retry-After seconds',
  503: 'A service the request needs (database, queue) is unavailable; retry after Retry-After seconds',
};

const RETRY_AFTER = { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } };

/**
 * The error answers of an endpoint, each with the contract's error body:
 * `@ApiErrors(400, 404, { 409: 'Not closed yet, or already rated' })`;
 * a number takes the usual description, an object gives the endpoint's own.
 */
export function ApiErrors(...answers: Array<ErrorStatus | Partial<Record<ErrorStatus, string>>>) {
  const described = answers.flatMap((a) =>
    typeof a === 'number' ? [[a, ERROR_DESCRIPTIONS[a]] as const] : Object.entries(a).map(([s, d]) => [Number(s) as ErrorStatus, d] as const),
  );
  return applyDecorators(
    ...described.map(([status, description]) =>
      ApiResponse({ status, description, type: ErrorBodyDto, ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}) }),
    ),
  );
}
