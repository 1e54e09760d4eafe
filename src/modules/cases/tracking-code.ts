import { randomInt } from 'node:crypto';
import { DomainError } from '../../common/errors/domain-error';

/**
 * 31 symbols: digits and capitals without the look-alikes 0/O and 1/I/L.
 * 31 is prime, so a position-weighted sum modulo 31 catches every single
 * wrong character and every swap of two neighbours.
 */
export const TRACKING_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
const BASE = TRACKING_ALPHABET.length;
/** 10 random symbols: 31^10 ≈ 8·10^14 codes (≈ 49.5 bits). */
export const TRACKING_PAYLOAD_LENGTH = 10;
export const TRACKING_CODE_LENGTH = TRACKING_PAYLOAD_LENGTH + 1;

function checkSymbol(payload: string): string {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    sum += (i + 1) * TRACKING_ALPHABET.indexOf(payload[i]);
  }
  // Weight of the check position is payload.length + 1; pick the symbol that
  // makes the whole weighted sum divisible by 31.
  const weight = payload.length + 1;
  for (let c = 0; c < BASE; c++) {
    if ((sum + weight * c) % BASE === 0) return TRACKING_ALPHABET[c];
  }
  throw new Error('unreachable: 31 is prime');
}

export function generateTrackingCode(): string {
  let payload = '';
  for (let i = 0; i < TRACKING_PAYLOAD_LENGTH; i++) {
    payload += TRACKING_ALPHABET[randomInt(BASE)];
  }
  return payload + checkSymbol(payload);
}

/** What people type: any case, with spaces or dashes between groups. */
export function normalizeTrackingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isValidTrackingCode(code: string): boolean {
  if (code.length !== TRACKING_CODE_LENGTH) return false;
  for (const ch of code) if (!TRACKING_ALPHABET.includes(ch)) return false;
  return checkSymbol(code.slice(0, -1)) === code[code.length - 1];
}

/** `K7MQ-9XR4-TD2`: groups that are easy to read aloud over the phone. */
export function formatTrackingCode(code: string): string {
  return code.match(/.{1,4}/g)?.join('-') ?? code;
}

/**
 * The canonical code from what was typed, or a 400 naming `trackingCode`:
 * a typo is caught by the check symbol before any lookup.
 */
export function requireTrackingCode(typed: string): string {
  const code = normalizeTrackingCode(typed);
  if (!isValidTrackingCode(code)) {
    throw DomainError.field('trackingCode', 'checksum', 'trackingCode is not a valid tracking code');
  }
  return code;
}
