/**
 * Whether `text`, already shaped like an ISO 8601 UTC instant
 * (YYYY-MM-DDTHH:MM:SS[.fff]Z), names a moment that exists and that
 * Postgres's timestamptz accepts. JavaScript rolls 2025-02-30 over to March
 * and takes year 0; Postgres refuses both, which would be a 500.
 */
export function isStorableInstant(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return false;
  const date = new Date(ms);
  const year = date.getUTCFullYear();
  return year >= 1 && year <= 9999 && date.toISOString().slice(0, 19) === text.slice(0, 19);
}
