/**
 * Tracking codes and receipt codes are bearer secrets: anyone holding one
 * reads the case. Logs keep the route, never the code.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  const [path, query] = url.split('?', 2);
  const safePath = path.replace(/(\/track\/)[^/]+/i, '$1[redacted]');
  if (query === undefined) return safePath;
  const params = new URLSearchParams(query);
  for (const key of ['code', 'receiptCode', 'token']) if (params.has(key)) params.set(key, '[redacted]');
  return `${safePath}?${params.toString().replace(/%5Bredacted%5D/g, '[redacted]')}`;
}
