import request from 'supertest';
import { startAttachmentsApp } from '../attachments/attachments-app';
import * as sample from '../attachments/sample-files';
import { bearer, STAFF } from '../support/auth';
import { TestApp } from '../support/test-app';
import { caseIdOf, fileReport, TEST_POW_DIFFICULTY } from '../whistleblower/channel';
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
 * The abuse fuzz of issue 13 for the whistleblower channel: its API
 * (/api/v1/whistleblower/...), its form pages (/report, /report/follow-up),
 * and the integrity officer's view of a report and identity reveals, fed the
 * hostile input of abuse-fuzz.e2e-spec.ts. Each answer must be a 4xx,
 * nothing may be written (no case, no vault row, no message, no outbox row,
 * no file, no reveal request), the server must stay healthy, and no answer
 * may show the receipt or the identity of the report already on file.
 *
 * Every request comes from an address of its own (X-Forwarded-For, TRUST_PROXY
 * on) and the limit on wrong receipts from everyone is out of reach, so that
 * the input reaches validation instead of the channel's flood limits; the
 * test checks that none of them answered 429.
 */

const IDENTITY = { name: 'ผู้แจ้งลับ ทดสอบ', email: 'hidden-whistleblower@example.com', phone: '089-765-4312' };
const BODY_TYPES: Array<[string, string, () => Buffer]> = [
  ['JSON', 'application/json', () => Buffer.from(`{"subject":"${'ก'.repeat(TEN_MB / 3)}"}`)],
  ['a form', 'application/x-www-form-urlencoded', () => Buffer.from(`subject=${'a'.repeat(TEN_MB)}`)],
  ['text', 'text/plain', () => Buffer.alloc(TEN_MB, 0x61)],
];
const BOUNDARY = 'wbabuse7d1c';
/** The report form as multipart, by hand: a client library would re-encode the bytes of `position` as UTF-8. */
function multipartWith(position: Buffer): Buffer {
  const part = (name: string, value: Buffer | string) =>
    Buffer.concat([Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')]);
  return Buffer.concat([
    part('subject', 'เรียกรับเงินใต้โต๊ะ'),
    part('description', 'เจ้าหน้าที่เรียกรับเงิน'),
    part('accused.position', position),
    Buffer.from(`--${BOUNDARY}--\r\n`),
  ]);
}
/** Not a receipt token: a staff token, unsigned, tampered, and strings. */
const FORGED_TOKENS = (staff: string, real: string) => [
  staff.replace(/^Bearer /, ''),
  'eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDAiLCJleHAiOjk5OTk5OTk5OTl9.',
  `${real.slice(0, -4)}AAAA`,
  ...SQL_INJECTIONS,
  ...TRAVERSALS,
];

describe('abuse: hostile input to the whistleblower channel', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let t: TestApp;
  let integrity: string;
  let center: string;
  let receiptCode: string;
  let token: string;
  let caseId: string;
  let client = 0;
  let answers: Array<{ status: number; text: string }> = [];

  beforeAll(async () => {
    app = await startAttachmentsApp({
      WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY,
      WHISTLEBLOWER_RECEIPT_GLOBAL_LIMIT: '100000',
      TRUST_PROXY: 'true',
    });
    t = app.t;
    await app.reset();
    [integrity, center] = [await bearer(t, STAFF.integrity), await bearer(t, STAFF.center)];
    const filed = await fileReport(t, { identity: IDENTITY });
    receiptCode = filed.receiptCode;
    caseId = await caseIdOf(t, filed.referenceNo);
    token = (await request(t.http).post('/api/v1/whistleblower/access').send({ receiptCode }).expect(200)).body.token;
  });
  afterAll(() => app?.close());

  /** A fresh address per request (198.18.0.0/15, for tests). */
  const nextClient = () => {
    client++;
    return `198.18.${(client >> 8) & 255}.${client & 255}`;
  };
  const call = (method: 'get' | 'post', url: string) => request(t.http)[method](url).set('X-Forwarded-For', nextClient());
  async function answer(req: request.Test): Promise<number> {
    const res = await req;
    answers.push({ status: res.status, text: res.text ?? '' });
    return res.status;
  }
  async function inject(method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: Buffer | string): Promise<number> {
    const res = await t.app.inject({ method, url, headers: { 'x-forwarded-for': nextClient(), ...headers }, ...(payload ? { payload } : {}) });
    answers.push({ status: res.statusCode, text: res.body });
    return res.statusCode;
  }

  async function writtenRows(): Promise<Record<string, number>> {
    const [row] = await t.db.query(`SELECT
      (SELECT count(*)::int FROM cases) AS cases,
      (SELECT count(*)::int FROM complainants) AS complainants,
      (SELECT count(*)::int FROM whistleblower_reports) AS reports,
      (SELECT count(*)::int FROM whistleblower_identities) AS vault,
      (SELECT count(*)::int FROM case_events) AS "eventsAndMessages",
      (SELECT count(*)::int FROM attachments) AS attachments,
      (SELECT count(*)::int FROM notifications) AS outbox,
      (SELECT count(*)::int FROM identity_reveal_requests) AS "revealRequests"`);
    return { ...row, filesOnDisk: (await sample.filesUnder(app.dir)).length };
  }

  let before: Record<string, number>;
  beforeEach(async () => {
    answers = [];
    before = await writtenRows();
  });
  afterEach(async () => {
    expect(await writtenRows()).toEqual(before);
    await request(t.http).get('/api/v1/health').expect(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const secrets = [receiptCode, receiptCode.replace(/\D/g, ''), IDENTITY.name, IDENTITY.email, IDENTITY.phone, IDENTITY.phone.replace(/\D/g, '')];
    const leaks = answers.flatMap((a) => secrets.filter((s) => a.text.includes(s)).map((s) => `${a.status} shows ${s}`));
    expect(leaks).toEqual([]);
    // 429 would be a refusal too, but then the input never reached the code under test.
    expect(answers.filter((a) => a.status === 429)).toEqual([]);
  });

  const reportFields = (): Array<[string, string]> => [
    ['subject', 'เรียกรับเงินใต้โต๊ะ'],
    ['description', 'เจ้าหน้าที่กองช่างเรียกรับเงินเพื่อเร่งออกใบอนุญาต'],
    ['accused.name', 'นายสมมติ ทดสอบ'],
    ['incidentDate', '2026-10-01'],
  ];
  const formReport = (url = '/report') => reportFields().reduce((req, [name, value]) => req.field(name, value), call('post', url));

  const endpoints = (): JsonEndpoint[] => [
    {
      name: 'POST /api/v1/whistleblower/reports',
      method: 'POST',
      url: () => '/api/v1/whistleblower/reports',
      // Without `pow`, as a browser without JavaScript files it: a mutation that slipped through would file a report.
      valid: () => ({
        subject: 'เรียกรับเงินใต้โต๊ะ',
        description: 'เจ้าหน้าที่กองช่างเรียกรับเงิน',
        accused: { name: 'นายสมมติ', position: 'นายช่าง', department: 'กองช่าง' },
        incidentDate: '2026-10-01',
        identity: { name: 'สมชาย', email: 'somchai@example.com', phone: '0812345678' },
      }),
      fields: {
        subject: 'text',
        description: 'text',
        'accused.name': 'text',
        'accused.position': 'text',
        'accused.department': 'text',
        incidentDate: 'date',
        'identity.name': 'text',
        'identity.email': 'email',
        'identity.phone': 'text',
        'pow.id': 'uuid',
        'pow.nonce': 'text',
      },
    },
    {
      name: 'POST /api/v1/whistleblower/access',
      method: 'POST',
      url: () => '/api/v1/whistleblower/access',
      valid: () => ({ receiptCode }),
      fields: { receiptCode: 'text' },
    },
    {
      name: 'POST /api/v1/whistleblower/report/messages',
      method: 'POST',
      url: () => '/api/v1/whistleblower/report/messages',
      auth: () => `Bearer ${token}`,
      valid: () => ({ body: 'มีหลักฐานเพิ่มเติม' }),
      fields: { body: 'text' },
    },
    {
      name: 'POST /api/v1/cases/:id/identity/reveal (integrity)',
      method: 'POST',
      url: () => `/api/v1/cases/${caseId}/identity/reveal`,
      auth: () => integrity,
      // Valid, it would show the identity (or ask a custodian, and write the request).
      valid: () => ({ reason: 'ต้องสอบข้อเท็จจริงกับผู้แจ้ง' }),
      fields: { reason: 'text' },
    },
    {
      name: 'POST /api/v1/identity-reveals/:id/refuse (integrity)',
      method: 'POST',
      url: () => `/api/v1/identity-reveals/${caseId}/refuse`,
      auth: () => integrity,
      valid: () => ({ reason: 'ไม่จำเป็น' }),
      fields: { reason: 'text' },
    },
  ];

  it('answers 200 random one-field mutations of every JSON endpoint of the channel with a 4xx', async () => {
    const seed = 20261130;
    const rnd = random(seed);
    const wrong: string[] = [];
    for (const e of endpoints()) {
      for (let i = 0; i < 40; i++) {
        const { what, body } = mutate(rnd, e);
        let req = call('post', e.url()).set('content-type', 'application/json');
        if (e.auth) req = req.set('Authorization', e.auth());
        const status = await answer(req.send(body));
        if (!isClientError(status)) wrong.push(`${e.name} with ${what}: ${status} (seed ${seed}, try ${i})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it.each(BODY_TYPES)('refuses a 10 MB body of %s on every endpoint and form of the channel, with 413', async (_what, type, make) => {
    const payload = make();
    const targets: Array<[string, string | undefined]> = [
      ['/api/v1/whistleblower/reports', undefined],
      ['/api/v1/whistleblower/access', undefined],
      ['/api/v1/whistleblower/report/messages', `Bearer ${token}`],
      ['/api/v1/whistleblower/report/attachments', `Bearer ${token}`],
      ['/report', undefined],
      ['/report/follow-up', undefined],
      ['/report/follow-up/messages', undefined],
      ['/report/follow-up/files', undefined],
    ];
    for (const [url, auth] of targets) {
      const status = await inject('POST', url, { 'content-type': type, ...(auth ? { authorization: auth } : {}) }, payload);
      expect({ url, status }).toEqual({ url, status: type === 'text/plain' ? expect.any(Number) : 413 });
      expect({ url, clientError: isClientError(status) }).toEqual({ url, clientError: true });
    }
  });

  it('refuses a 10 MB file and a 10 MB field in the multipart forms and the file upload', async () => {
    const file = Buffer.concat([sample.png(), Buffer.alloc(TEN_MB, 0)]);
    const statuses: Array<[string, number]> = [
      ['report form, 10 MB file', await answer(formReport().attach('files', file, 'big.png'))],
      ['report form, 10 MB subject', await answer(call('post', '/report').field('subject', 'x'.repeat(TEN_MB)).field('description', 'x'))],
      ['API upload, 10 MB file', await answer(call('post', '/api/v1/whistleblower/report/attachments').set('Authorization', `Bearer ${token}`).attach('files', file, 'big.png'))],
      ['follow-up upload, 10 MB file', await answer(call('post', '/report/follow-up/files').field('token', token).attach('files', file, 'big.png'))],
      ['follow-up upload, 10 MB token', await answer(call('post', '/report/follow-up/files').field('token', 'x'.repeat(TEN_MB)).attach('files', sample.png(), 'a.png'))],
    ];
    expect(statuses.filter(([, s]) => !isClientError(s))).toEqual([]);
    expect(statuses.slice(0, 1).concat(statuses.slice(2, 4)).map(([, s]) => s)).toEqual([413, 413, 413]);
  });

  it.each([
    ['arrays', (n: number) => '['.repeat(n) + ']'.repeat(n)],
    ['objects', (n: number) => '{"a":'.repeat(n) + '1' + '}'.repeat(n)],
  ])('refuses %s nested 5,000 deep', async (_what, nest) => {
    const body = nest(5_000);
    for (const [url, auth] of [
      ['/api/v1/whistleblower/reports', undefined],
      ['/api/v1/whistleblower/access', undefined],
      ['/api/v1/whistleblower/report/messages', `Bearer ${token}`],
      ['/report/follow-up', undefined],
      ['/report/follow-up/messages', undefined],
    ] as Array<[string, string | undefined]>) {
      const status = await inject('POST', url, { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) }, body);
      expect({ url, status }).toEqual({ url, status: 400 });
    }
  });

  it('refuses bytes that are not UTF-8 in bodies, forms, multipart fields, paths and queries', async () => {
    const bad = Buffer.from([0xc3, 0x28, 0xff, 0xfe]);
    const withBad = (s: string) => Buffer.concat([Buffer.from(s.split('@@')[0]), bad, Buffer.from(s.split('@@')[1])]);
    const json = { 'content-type': 'application/json' };
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    const probes: Array<[string, () => Promise<number>]> = [
      ['report JSON', () => inject('POST', '/api/v1/whistleblower/reports', json, withBad('{"subject":"@@","description":"x"}'))],
      ['access JSON', () => inject('POST', '/api/v1/whistleblower/access', json, withBad('{"receiptCode":"@@"}'))],
      ['message JSON', () => inject('POST', '/api/v1/whistleblower/report/messages', { ...json, authorization: `Bearer ${token}` }, withBad('{"body":"@@"}'))],
      ['report form, urlencoded', () => inject('POST', '/report', form, withBad('subject=@@&description=x'))],
      ['follow-up form', () => inject('POST', '/report/follow-up', form, withBad('receiptCode=@@'))],
      ['follow-up message form', () => inject('POST', '/report/follow-up/messages', form, Buffer.concat([Buffer.from(`token=${token}&body=`), bad]))],
      ['follow-up message form, escaped', () => inject('POST', '/report/follow-up/messages', form, `token=${token}&body=%C3%28%FF`)],
      ['report form, multipart', () => inject('POST', '/report', { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` }, multipartWith(bad))],
      ['report page query', () => inject('GET', '/report?lang=%C3%28%FF%FE', {})],
      ['follow-up page query', () => inject('GET', '/report/follow-up?lang=%FF', {})],
      ['challenge query', () => inject('GET', '/api/v1/whistleblower/challenge?x=%C3%28', {})],
      ['reveal JSON', () => inject('POST', `/api/v1/cases/${caseId}/identity/reveal`, { ...json, authorization: integrity }, withBad('{"reason":"@@"}'))],
      ['reveal decision path', () => inject('POST', '/api/v1/identity-reveals/%C3%28%FF/approve', { ...json, authorization: integrity }, '{}')],
      ['officer view path', () => inject('GET', '/api/v1/cases/%C3%28%FF%FE/whistleblower-report', { authorization: integrity })],
    ];
    const wrong: string[] = [];
    for (const [what, probe] of probes) {
      const status = await probe();
      if (!isClientError(status)) wrong.push(`${what}: ${status}`);
    }
    expect(wrong).toEqual([]);
  });

  it('refuses polluting keys in JSON bodies, form fields and multipart fields', async () => {
    const statuses: Array<[string, number]> = [];
    for (const key of POLLUTION_KEYS) {
      const report = JSON.stringify({ subject: 'x', description: 'x', accused: { name: 'x' } });
      for (const body of [report.replace(/^\{/, `{"${key}":{"polluted":true},`), report.replace('"accused":{', `"accused":{"${key}":{"polluted":true},`)]) {
        statuses.push([`report JSON with ${key}`, await answer(call('post', '/api/v1/whistleblower/reports').set('content-type', 'application/json').send(body))]);
      }
      statuses.push([
        `access JSON with ${key}`,
        await answer(call('post', '/api/v1/whistleblower/access').set('content-type', 'application/json').send(`{"${key}":{"polluted":true},"receiptCode":"${receiptCode}"}`)),
      ]);
      statuses.push([
        `follow-up form with ${key}`,
        await answer(call('post', '/report/follow-up').type('form').send(`receiptCode=${encodeURIComponent(receiptCode)}&${key}[polluted]=1&${key}.polluted=1`)),
      ]);
      statuses.push([
        `follow-up message form with ${key}`,
        await answer(call('post', '/report/follow-up/messages').type('form').send(`token=${token}&body=x&${key}[polluted]=1`)),
      ]);
      statuses.push([`report multipart with ${key}`, await answer(formReport().field(key, '1'))]);
      statuses.push([`report multipart with accused.${key}`, await answer(formReport().field(`accused.${key}.polluted`, '1'))]);
      statuses.push([`follow-up upload with ${key}`, await answer(call('post', '/report/follow-up/files').field('token', token).field(key, '1').attach('files', sample.png(), 'a.png'))]);
    }
    expect(statuses.filter(([, s]) => !isClientError(s))).toEqual([]);
  });

  it('refuses SQL and script injection and traversal where a value must be a receipt, a token, an id or a proof of work', async () => {
    const wrong: string[] = [];
    const note = (what: string, status: number) => void (isClientError(status) || wrong.push(`${what}: ${status}`));
    for (const value of [...SQL_INJECTIONS, ...SCRIPT_INJECTIONS, ...TRAVERSALS]) {
      note(`access ${value}`, await answer(call('post', '/api/v1/whistleblower/access').send({ receiptCode: value })));
      note(`follow-up ${value}`, await answer(call('post', '/report/follow-up').type('form').send({ receiptCode: value })));
      note(`message form token ${value}`, await answer(call('post', '/report/follow-up/messages').type('form').send({ token: value, body: 'x' })));
      note(`upload form token ${value}`, await answer(call('post', '/report/follow-up/files').field('token', value).attach('files', sample.png(), 'a.png')));
      note(`pow.id ${value}`, await answer(call('post', '/api/v1/whistleblower/reports').send({ subject: 'x', description: 'x', pow: { id: value, nonce: '1' } })));
      note(`pow.nonce ${value}`, await answer(call('post', '/api/v1/whistleblower/reports').send({ subject: 'x', description: 'x', pow: { id: caseId, nonce: value } })));
      note(`report form pow.id ${value}`, await answer(formReport().field('pow.id', value).field('pow.nonce', '1')));
      note(`officer view ${value}`, await answer(call('get', `/api/v1/cases/${encodeURIComponent(value)}/whistleblower-report`).set('Authorization', integrity)));
      note(`reveal ${value}`, await answer(call('post', `/api/v1/cases/${encodeURIComponent(value)}/identity/reveal`).set('Authorization', integrity).send({ reason: 'x' })));
      note(`approve ${value}`, await answer(call('post', `/api/v1/identity-reveals/${encodeURIComponent(value)}/approve`).set('Authorization', integrity).send({})));
    }
    for (const forged of FORGED_TOKENS(center, token)) {
      const auth = `Bearer ${forged}`;
      note(`read with ${forged}`, await answer(call('get', '/api/v1/whistleblower/report').set('Authorization', auth)));
      note(`message with ${forged}`, await answer(call('post', '/api/v1/whistleblower/report/messages').set('Authorization', auth).send({ body: 'x' })));
      note(`upload with ${forged}`, await answer(call('post', '/api/v1/whistleblower/report/attachments').set('Authorization', auth).attach('files', sample.png(), 'a.png')));
    }
    // A receipt token is not a staff token either.
    note('officer view with a receipt token', await answer(call('get', `/api/v1/cases/${caseId}/whistleblower-report`).set('Authorization', `Bearer ${token}`)));
    expect(wrong).toEqual([]);
  });

  it('shows the form pages with a hostile language unharmed: the string is never echoed unescaped', async () => {
    for (const value of [...SCRIPT_INJECTIONS, ...SQL_INJECTIONS]) {
      for (const page of ['/report', '/report/follow-up']) {
        const res = await call('get', `${page}?lang=${encodeURIComponent(value)}`);
        answers.push({ status: res.status, text: res.text });
        expect({ page, value, status: res.status }).toEqual({ page, value, status: 200 });
        expect(res.text).not.toContain('<script>alert(1)</script>');
        expect(res.text).not.toContain('onerror=alert(1)');
      }
    }
  });

  it('refuses files that climb out of their directory when the file is refused anyway, at filing and after', async () => {
    const wrong: string[] = [];
    for (const name of TRAVERSALS) {
      const html = sample.html();
      const probes: Array<[string, request.Test]> = [
        ['report form', formReport().attach('files', html, name)],
        ['API upload', call('post', '/api/v1/whistleblower/report/attachments').set('Authorization', `Bearer ${token}`).attach('files', html, name)],
        ['follow-up upload', call('post', '/report/follow-up/files').field('token', token).attach('files', html, name)],
        ['follow-up upload, no token', call('post', '/report/follow-up/files').attach('files', sample.png(), `${name}.png`)],
      ];
      for (const [what, req] of probes) {
        const status = await answer(req);
        if (!isClientError(status)) wrong.push(`${what} with ${name}: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
