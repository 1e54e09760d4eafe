import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import request from 'supertest';
import { startAttachmentsApp } from '../attachments/attachments-app';
import * as sample from '../attachments/sample-files';
import { bearer, STAFF } from '../support/auth';
import { offlineCase, registerCase } from '../support/cases';
import { complaintBody } from '../support/factories';
import { TestApp } from '../support/test-app';
import {
  isClientError,
  JsonEndpoint,
  mutate,
  POLLUTION_KEYS,
  random,
  SCRIPT_INJECTIONS,
  SQL_INJECTIONS,
  TEN_MB,
  TRAVERSALS,
} from './support/hostile-input';

/**
 * The abuse fuzz of issue 13: every public and staff endpoint that takes
 * input, fed malformed, oversized and hostile input. Each answer must be a
 * 4xx, the server must stay healthy, and nothing may be written. The
 * neighbouring files hold the finer cases: bad-input-fuzz (control
 * characters, cursors), hostile-bodies (bodies up to the 1 MB limit and the
 * event loop), crafted-upload (compound files); this one goes wide, and
 * whistleblower-abuse-fuzz does the same to the whistleblower channel.
 */

async function writtenRows(t: TestApp): Promise<Record<string, number>> {
  const [row] = await t.db.query(`SELECT
    (SELECT count(*)::int FROM cases) AS cases,
    (SELECT count(*)::int FROM complainants) AS complainants,
    (SELECT count(*)::int FROM attachments) AS attachments,
    (SELECT count(*)::int FROM notifications) AS outbox,
    (SELECT count(*)::int FROM case_events) AS events,
    (SELECT count(*)::int FROM case_feedback) AS feedback`);
  return row;
}

describe('abuse: hostile input to the public and staff endpoints', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let t: TestApp;
  let center: string;
  let admin: string;
  let caseId: string;
  let trackingCode: string;
  let closedTrackingCode: string;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    t = app.t;
    await app.reset();
    [center, admin] = [await bearer(t, STAFF.center), await bearer(t, STAFF.admin)];
    const registered = await registerCase(t, center);
    caseId = registered.id;
    trackingCode = registered.trackingCode!;
    const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    closedTrackingCode = filed.body.trackingCode;
  });
  afterAll(() => app?.close());

  const endpoints = (): JsonEndpoint[] => [
    {
      name: 'POST /api/v1/complaints',
      method: 'POST',
      url: () => '/api/v1/complaints',
      valid: () => complaintBody(),
      fields: {
        subject: 'text',
        description: 'text',
        categoryCode: 'enum',
        location: 'text',
        'complainant.name': 'text',
        'complainant.email': 'email',
        'complainant.phone': 'text',
        'complainant.address': 'text',
        consent: 'boolean',
      },
    },
    {
      name: 'POST /api/v1/auth/login',
      method: 'POST',
      url: () => '/api/v1/auth/login',
      valid: () => ({ email: STAFF.center, password: 'wrong-password-1' }),
      fields: { email: 'email', password: 'text', otp: 'text' },
    },
    {
      name: 'POST /api/v1/complaints/track/:code/feedback',
      method: 'POST',
      url: () => `/api/v1/complaints/track/${closedTrackingCode}/feedback`,
      valid: () => ({ rating: 5, comment: 'ดีมาก' }),
      fields: { rating: 'rating', comment: 'text' },
    },
    {
      name: 'POST /api/v1/cases (staff)',
      method: 'POST',
      url: () => '/api/v1/cases',
      auth: () => center,
      valid: () => offlineCase(),
      fields: {
        kind: 'enum',
        channel: 'enum',
        receivedAt: 'date',
        subject: 'text',
        description: 'text',
        categoryCode: 'enum',
        'complainant.name': 'text',
        'complainant.email': 'email',
      },
    },
    {
      name: 'POST /api/v1/cases/:id/actions (staff)',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/actions`,
      auth: () => center,
      valid: () => ({ action: 'note', message: 'บันทึกการติดตาม' }),
      fields: { action: 'enum', message: 'text', departmentId: 'uuid', assigneeId: 'uuid', expectedAt: 'date', targetCaseId: 'uuid' },
    },
  ];

  let before: Record<string, number>;
  beforeEach(async () => {
    before = await writtenRows(t);
  });
  afterEach(async () => {
    expect(await writtenRows(t)).toEqual(before);
    await request(t.http).get('/api/v1/health').expect(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('answers 200 random one-field mutations of every JSON endpoint with a 4xx', async () => {
    const seed = 20261129;
    const rnd = random(seed);
    const wrong: string[] = [];
    for (const e of endpoints()) {
      for (let i = 0; i < 40; i++) {
        const { what, body } = mutate(rnd, e);
        let req = request(t.http).post(e.url()).set('content-type', 'application/json');
        if (e.auth) req = req.set('Authorization', e.auth());
        const res = await req.send(body);
        if (!isClientError(res.status)) wrong.push(`${e.name} with ${what}: ${res.status} (seed ${seed}, try ${i})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each([
    ['JSON', 'application/json', () => Buffer.from(`{"subject":"${'ก'.repeat(TEN_MB / 3)}"}`)],
    ['a form', 'application/x-www-form-urlencoded', () => Buffer.from(`subject=${'a'.repeat(TEN_MB)}`)],
    ['text', 'text/plain', () => Buffer.alloc(TEN_MB, 0x61)],
  ])('refuses a 10 MB body of %s on every endpoint that takes a body, with 413', async (_what, type, make) => {
    const payload = make();
    const targets: Array<[string, string | undefined]> = [
      ['/api/v1/complaints', undefined],
      ['/api/v1/auth/login', undefined],
      ['/complaints/new', undefined],
      [`/api/v1/complaints/track/${closedTrackingCode}/feedback`, undefined],
      ['/api/v1/cases', center],
      [`/api/v1/cases/${caseId}/actions`, center],
      ['/api/v1/users', admin],
    ];
    for (const [url, auth] of targets) {
      const res = await t.app.inject({
        method: 'POST',
        url,
        headers: { 'content-type': type, ...(auth ? { authorization: auth } : {}) },
        payload,
      });
      // A form page may refuse it as a page; what matters is that it is refused, early and as the client's fault.
      expect({ url, status: res.statusCode }).toEqual({ url, status: type === 'text/plain' ? expect.any(Number) : 413 });
      expect(isClientError(res.statusCode)).toBe(true);
    }
  });

  it('refuses a 10 MB file and a 10 MB field in a multipart upload', async () => {
    const file = Buffer.concat([sample.png(), Buffer.alloc(TEN_MB, 0)]);
    const tooBig = await request(t.http).post(`/api/v1/complaints/track/${trackingCode}/attachments`).attach('files', file, 'big.png');
    expect(tooBig.status).toBe(413);
    const field = await request(t.http)
      .post('/complaints/new')
      .field('subject', 'x'.repeat(TEN_MB))
      .field('description', 'ไฟดับ')
      .field('complainant.name', 'สมศรี')
      .field('consent', 'yes');
    expect(isClientError(field.status)).toBe(true);
  });

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
  ])('refuses %s nested 5,000 deep on the staff endpoints too', async (_what, nest) => {
    const body = nest(5_000);
    for (const [url, auth] of [
      ['/api/v1/cases', center],
      [`/api/v1/cases/${caseId}/actions`, center],
      ['/api/v1/users', admin],
      ['/api/v1/auth/login', undefined],
    ] as Array<[string, string | undefined]>) {
      const res = await t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, payload: body });
      expect({ url, status: res.statusCode }).toEqual({ url, status: 400 });
    }
  });

  it('refuses bytes that are not UTF-8 in staff bodies, forms, paths and queries', async () => {
    const bad = Buffer.from([0xc3, 0x28, 0xff, 0xfe]);
    const json = (s: string) => Buffer.concat([Buffer.from(s.split('@@')[0]), bad, Buffer.from(s.split('@@')[1])]);
    const cases: Array<{ method: 'GET' | 'POST'; url: string; type?: string; payload?: Buffer; auth?: string }> = [
      { method: 'POST', url: '/api/v1/cases', type: 'application/json', payload: json('{"subject":"@@"}'), auth: center },
      { method: 'POST', url: `/api/v1/cases/${caseId}/actions`, type: 'application/json', payload: json('{"action":"note","message":"@@"}'), auth: center },
      { method: 'POST', url: '/api/v1/auth/login', type: 'application/json', payload: json('{"email":"@@","password":"x"}') },
      { method: 'POST', url: '/complaints/new', type: 'application/x-www-form-urlencoded', payload: json('subject=@@&description=x&complainant.name=x&consent=yes') },
      {
        method: 'POST',
        url: '/complaints/new',
        type: 'multipart/form-data; boundary=abusefuzz',
        payload: json(
          ['subject', 'description', 'complainant.name', 'consent']
            .map((name) => `--abusefuzz\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${name === 'description' ? '@@' : name === 'consent' ? 'yes' : 'x'}\r\n`)
            .join('') + '--abusefuzz--\r\n',
        ),
      },
      { method: 'GET', url: '/api/v1/complaints/track/%C3%28%FF%FE' },
      { method: 'GET', url: '/track?code=%C3%28%FF%FE' },
      { method: 'GET', url: '/api/v1/cases?q=%C3%28%FF%FE', auth: center },
      { method: 'GET', url: '/api/v1/cases/%C3%28%FF%FE', auth: center },
      { method: 'GET', url: '/api/v1/audit?cursor=%C3%28%FF', auth: admin },
      { method: 'GET', url: '/api/v1/public/statistics?fiscalYear=%FF' },
    ];
    for (const c of cases) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url,
        headers: { ...(c.type ? { 'content-type': c.type } : {}), ...(c.auth ? { authorization: c.auth } : {}) },
        ...(c.payload ? { payload: c.payload } : {}),
      });
      expect({ url: c.url, clientError: isClientError(res.statusCode) }).toEqual({ url: c.url, clientError: true });
    }
  });

  it('refuses polluting keys in staff bodies, query strings, form fields and multipart fields', async () => {
    const statuses: Array<[string, number]> = [];
    for (const key of POLLUTION_KEYS) {
      const register = await request(t.http)
        .post('/api/v1/cases')
        .set('Authorization', center)
        .set('content-type', 'application/json')
        .send(JSON.stringify(offlineCase()).replace(/^\{/, `{"${key}":{"polluted":true},`));
      statuses.push([`register with ${key}`, register.status]);
      const queue = await request(t.http).get(`/api/v1/cases?${key}[polluted]=1&${key}.polluted=1`).set('Authorization', center);
      statuses.push([`queue with ${key}`, queue.status]);
      const form = await request(t.http)
        .post('/complaints/new')
        .type('form')
        .send(`subject=x&description=x&complainant.name=x&consent=yes&${key}[polluted]=1&complainant.${key}.polluted=1`);
      statuses.push([`form with ${key}`, form.status]);
      const multipart = await request(t.http)
        .post('/complaints/new')
        .field('subject', 'ไฟดับ')
        .field('description', 'ไฟดับ')
        .field('complainant.name', 'สมศรี')
        .field('consent', 'yes')
        .field(`complainant.${key}.polluted`, '1');
      statuses.push([`multipart with ${key}`, multipart.status]);
    }
    expect(statuses.filter(([, s]) => !isClientError(s))).toEqual([]);
  });

  it('refuses SQL and script injection where a value must be an id, a code, a date or one of a list', async () => {
    const wrong: string[] = [];
    const hostile = [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS, ...TRAVERSALS];
    for (const value of hostile) {
      const v = encodeURIComponent(value);
      const probes: Array<[string, string | undefined]> = [
        [`/api/v1/complaints/track/${v}`, undefined],
        [`/track?code=${v}`, undefined],
        [`/api/v1/public/statistics?fiscalYear=${v}`, undefined],
        [`/api/v1/cases/${v}`, center],
        [`/api/v1/cases/${v}/attachments`, center],
        [`/api/v1/cases?kind=${v}`, center],
        [`/api/v1/cases?status=${v}`, center],
        [`/api/v1/cases?sort=${v}`, center],
        [`/api/v1/cases?departmentId=${v}`, center],
        [`/api/v1/cases?dueBefore=${v}`, center],
        [`/api/v1/cases?cursor=${v}`, center],
        [`/api/v1/cases?limit=${v}`, center],
        [`/api/v1/audit?actorId=${v}`, admin],
        [`/api/v1/audit?action=${v}`, admin],
        [`/api/v1/audit?from=${v}`, admin],
        [`/api/v1/reports/summary?fiscalYear=2569&period=${v}`, center],
      ];
      for (const [url, auth] of probes) {
        let req = request(t.http).get(url);
        if (auth) req = req.set('Authorization', auth);
        const res = await req;
        if (!isClientError(res.status)) wrong.push(`${url}: ${res.status}`);
      }
      const login = await request(t.http).post('/api/v1/auth/login').send({ email: value, password: value });
      if (!isClientError(login.status)) wrong.push(`login with ${value}: ${login.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('finds nothing, and leaks nothing, for injection strings in the free-text search', async () => {
    for (const value of [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS]) {
      const res = await request(t.http).get(`/api/v1/cases?q=${encodeURIComponent(value)}`).set('Authorization', center);
      expect({ value, status: res.status, items: res.body.items }).toEqual({ value, status: 200, items: [] });
    }
  });

  it('refuses an upload whose file name climbs out of its directory when the file is refused anyway', async () => {
    for (const name of TRAVERSALS) {
      const res = await request(t.http)
        .post(`/api/v1/complaints/track/${trackingCode}/attachments`)
        .attach('files', Buffer.from('<html><script>alert(1)</script></html>'), name);
      expect({ name, clientError: isClientError(res.status) }).toEqual({ name, clientError: true });
    }
  });
});

describe('abuse: hostile strings where free text is allowed are kept as text, and file names never reach the disk', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let t: TestApp;

  beforeAll(async () => {
    app = await startAttachmentsApp();
    t = app.t;
    await app.reset();
  });
  afterAll(() => app?.close());

  it('stores injection strings in a complaint verbatim and shows them escaped', async () => {
    const subject = `${SQL_INJECTIONS[2]} ${SCRIPT_INJECTIONS[0]}`;
    const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody({ subject, location: SQL_INJECTIONS[0] })).expect(201);
    const [row] = await t.db.query(`SELECT subject, location FROM cases WHERE tracking_code = $1`, [filed.body.trackingCode]);
    expect(row).toEqual({ subject, location: SQL_INJECTIONS[0] });
    const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM cases`);
    expect(n).toBe(1);
    const page = await request(t.http).get(`/track?code=${filed.body.trackingCode}`).set('Accept', 'text/html').expect(200);
    expect(page.text).not.toContain('<script>alert(1)</script>');
  });

  it('keeps an accepted file under a clean name, stored by key, and writes nothing outside its directory', async () => {
    const filed = await request(t.http).post('/api/v1/complaints').send(complaintBody()).expect(201);
    let req = request(t.http).post(`/api/v1/complaints/track/${filed.body.trackingCode}/attachments`);
    for (const name of TRAVERSALS) req = req.attach('files', sample.png(), `${name}.png`);
    const res = await req;
    expect(res.status).toBe(201);
    const rows: Array<{ fileName: string; storageKey: string }> = await t.db.query(
      `SELECT file_name AS "fileName", storage_key AS "storageKey" FROM attachments ORDER BY created_at`,
    );
    expect(rows).toHaveLength(TRAVERSALS.length);
    for (const r of rows) {
      expect(r.fileName).not.toMatch(/[\\/]|^\./);
      expect(r.storageKey).not.toMatch(/\.\.|passwd|win\.ini/);
    }
    // Outside the attachments directory, beside it, nothing new appeared.
    const parent = dirname(app.dir);
    expect(readdirSync(parent).filter((f) => /passwd|win\.ini/.test(f))).toEqual([]);
    expect(existsSync(join(app.dir, '..', 'etc'))).toBe(false);
  });
});
