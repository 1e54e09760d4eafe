import { randomInt } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';

const DIGITS = 16;

/**
 * 16 decimal digits from the CSPRNG (about 53 bits): digits, because a
 * person copies them onto paper or types them on a phone keypad without
 * mistaking letters; each drawn uniformly (randomInt rejects bias).
 */
export function generateReceiptCode(): string {
  let code = '';
  for (let i = 0; i < DIGITS; i++) code += String(randomInt(10));
  return code;
}

/** `1234 5678 9012 3456`: how the receipt is shown, to be copied in groups. */
export function formatReceiptCode(code: string): string {
  return code.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** The 16 digits of a typed receipt, whatever spaces or dashes the person put between the groups. */
export function normalizeReceiptCode(typed: string): string | null {
  const digits = typed.replace(/[\s-]/g, '');
  return /^\d{16}$/.test(digits) ? digits : null;
}

export function requireReceiptCode(typed: string): string {
  const code = normalizeReceiptCode(typed);
  if (!code) throw DomainError.field('receiptCode', 'format', 'receiptCode is 16 digits (spaces and dashes between groups are fine)');
  return code;
}
