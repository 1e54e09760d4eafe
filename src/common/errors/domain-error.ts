export enum ErrorCode {
  ValidationFailed = 'validation_failed',
  NotFound = 'not_found',
  Conflict = 'conflict',
  Unauthorized = 'unauthorized',
  Forbidden = 'forbidden',
  /** A dependency of the server (not the client's request) is missing or down. */
  Unavailable = 'unavailable',
}

export interface FieldError {
  /** Dotted path of the input field, e.g. `complainant.email`. */
  field: string;
  /** Which rule failed (`isEmail`, `maxLength`, `unknownField`, ...). */
  code: string;
  message: string;
}

/** Thrown by services; one filter turns the code into an HTTP status. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: FieldError[],
    /** More for the client to act on, merged into the body (e.g. `allowedActions` on a 409). */
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }

  static validation(details: FieldError[]): DomainError {
    return new DomainError(ErrorCode.ValidationFailed, 'Validation failed', details);
  }

  static field(field: string, code: string, message: string): DomainError {
    return DomainError.validation([{ field, code, message }]);
  }

  static notFound(what: string): DomainError {
    return new DomainError(ErrorCode.NotFound, `${what} not found`);
  }
}
