import type { CaseKind } from '../cases';

/** Bangkok is UTC+7 all year (no daylight saving), so a local time converts by a fixed offset. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/** The value of a datetime-local input showing this instant in Bangkok: `2026-03-02T09:30`. */
export function bangkokInputValue(at: Date): string {
  return new Date(at.getTime() + BANGKOK_OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value, read as Bangkok time, as ISO 8601; anything else is passed on for the DTO to refuse. */
export function fromBangkokInput(value: string | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00+07:00` : value;
}

/** The fields of the registration form that are kept when it comes back. */
export const REGISTER_FIELDS = [
  'channel',
  'receivedAt',
  'complainant.name',
  'complainant.phone',
  'anonymous',
  'subject',
  'categoryCode',
  'description',
  'location',
  'complainant.email',
  'complainant.address',
  'consent',
  'letterNo',
  'letterDate',
] as const;

/** The posted form as the body of POST /api/v1/cases: empty fields left out, the kind the role registers. */
export function registrationFromForm(form: Record<string, unknown>, kind: CaseKind): Record<string, unknown> {
  const text = (name: string) => (typeof form[name] === 'string' && (form[name] as string).trim() ? (form[name] as string).trim() : undefined);
  const anonymous = form.anonymous === 'yes';
  const person = {
    name: text('complainant.name'),
    phone: text('complainant.phone'),
    email: text('complainant.email'),
    address: text('complainant.address'),
  };
  const given = Object.values(person).some((v) => v !== undefined);
  return {
    kind,
    channel: text('channel'),
    receivedAt: fromBangkokInput(text('receivedAt')),
    subject: text('subject'),
    description: text('description'),
    categoryCode: text('categoryCode'),
    location: text('location'),
    anonymous: anonymous || undefined,
    complainant: given ? person : undefined,
    consent: form.consent === 'yes' || undefined,
    letterNo: text('letterNo'),
    letterDate: text('letterDate'),
  };
}
