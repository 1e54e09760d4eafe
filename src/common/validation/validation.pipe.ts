import { ArgumentMetadata, Injectable, ValidationPipe } from '@nestjs/common';
import type { ValidationError, ValidatorOptions } from 'class-validator';
import { DomainError } from '../errors/domain-error';
import { toFieldErrors, validationFailed, validatorThrew, VALIDATOR_OPTIONS } from './field-errors';
import { findUnsafeText } from './safe-text';

const isPlainObject = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && !Buffer.isBuffer(value);

/**
 * Nest's ValidationPipe with what every input needs before any rule runs:
 * text that can be stored (no NUL, no lone surrogate, anywhere), a body that
 * is an object when a DTO expects one, a rule that throws counted as a
 * refusal, and an answer of bounded size.
 */
@Injectable()
export class InputValidationPipe extends ValidationPipe {
  constructor() {
    super({
      ...VALIDATOR_OPTIONS,
      transform: true,
      exceptionFactory: (errors) => validationFailed(toFieldErrors(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    // Raw values (a route parameter, a form read by its handler) are the handler's to check.
    if (!this.toValidate(metadata)) return super.transform(value, metadata);
    const unsafe = findUnsafeText(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (unsafe) throw DomainError.validation([unsafe]);
    if (metadata.type === 'body' && !isPlainObject(value)) {
      throw DomainError.field('body', 'isObject', 'The body must be a JSON object');
    }
    return super.transform(value, metadata);
  }

  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    try {
      return await super.validate(object, options);
    } catch (err) {
      throw validatorThrew(err);
    }
  }
}

export function createValidationPipe(): ValidationPipe {
  return new InputValidationPipe();
}
