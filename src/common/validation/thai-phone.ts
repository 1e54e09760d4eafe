import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Thai numbers in their national form: 9 digits for fixed lines
 * (02-123-4567, 053-123-456) and 10 for mobiles (081-234-5678); +66 stands
 * for the leading 0. Returns null when the input is not one.
 */
export function normalizeThaiPhone(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, '');
  const national = compact.startsWith('+66') ? `0${compact.slice(3)}` : compact;
  return /^0(?:[2-57]\d{7}|[689]\d{8})$/.test(national) ? national : null;
}

export function IsThaiPhone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isThaiPhone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: '$property must be a Thai phone number such as 081-234-5678 or 02-123-4567', ...options },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && normalizeThaiPhone(value) !== null,
      },
    });
}
