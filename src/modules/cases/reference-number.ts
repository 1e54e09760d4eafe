import { toThaiDigits } from '../../common/time/thai-calendar';
import { CaseKind } from './case.types';

const API_PREFIX: Record<CaseKind, string> = { general: 'G', corruption: 'C' };
// ร. for ร้องเรียน, ท. for ทุจริต: the prefixes officers write in the paper register.
const THAI_PREFIX: Record<CaseKind, string> = { general: 'ร.', corruption: 'ท.' };
const SEQUENCE_DIGITS = 6;
const MAX_SEQUENCE = 10 ** SEQUENCE_DIGITS - 1;

/** `G-2569-000123`: the form the API and staff search use. */
export function formatReferenceNo(kind: CaseKind, fiscalYear: number, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > MAX_SEQUENCE) {
    throw new RangeError(`reference sequence out of range: ${sequence}`);
  }
  return `${API_PREFIX[kind]}-${fiscalYear}-${String(sequence).padStart(SEQUENCE_DIGITS, '0')}`;
}

/** `ร.๑๒๓/๒๕๖๙`: the form people read, as in the paper register. */
export function formatThaiReferenceNo(kind: CaseKind, fiscalYear: number, sequence: number): string {
  return `${THAI_PREFIX[kind]}${toThaiDigits(`${sequence}/${fiscalYear}`)}`;
}

export function parseReferenceNo(
  referenceNo: string,
): { kind: CaseKind; fiscalYear: number; sequence: number } | null {
  const m = /^([GC])-(\d{4})-(\d{6})$/.exec(referenceNo.trim().toUpperCase());
  if (!m) return null;
  return {
    kind: m[1] === 'G' ? 'general' : 'corruption',
    fiscalYear: Number(m[2]),
    sequence: Number(m[3]),
  };
}

/** Thai display form from the API form. */
export function thaiReferenceNo(referenceNo: string): string {
  const parsed = parseReferenceNo(referenceNo);
  return parsed ? formatThaiReferenceNo(parsed.kind, parsed.fiscalYear, parsed.sequence) : referenceNo;
}
