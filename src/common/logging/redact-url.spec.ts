import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides the code in tracking paths and queries', () => {
    expect(redactUrl('/api/v1/complaints/track/K7MQ9XR4TD2')).toBe('/api/v1/complaints/track/[redacted]');
    expect(redactUrl('/track?code=K7MQ9XR4TD2&lang=en')).toBe('/track?code=[redacted]&lang=en');
  });

  it('leaves other URLs alone', () => {
    expect(redactUrl('/complaints/new?lang=en')).toBe('/complaints/new?lang=en');
    expect(redactUrl('/')).toBe('/');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
