import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { solve } from '../../src/modules/whistleblower/proof-of-work';
import { dataSourceOptions } from '../../src/database/data-source';
import { ServerProcess } from '../hardening/support/server-process';
import { bearer, STAFF } from '../support/auth';
import { act, offlineCase } from '../support/cases';
import { databaseUrl, DB_PREFIX, TEMPLATE_DB, withServer } from '../support/databases';
import { appRedisPrefix, TEST_REDIS_URL } from '../support/redis-keys';
import { SmtpSink } from '../support/smtp-sink';
import type { TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

const run = promisify(execFile);

/** What a whistleblower and their client give away, each a string that must appear nowhere but in the vault's answer. */
const WHISTLEBLOWER = { name: 'วิไลวรรณ ลับเฉพาะ', email: 'wilaiwan.hidden@example.com', phone: '0899001122' };
const OFFICE_WALK_IN = { name: 'ประเสริฐ ไม่เปิดเผย', email: 'prasert.walkin@example.com', phone: '0877001122', address: '99 ถนนลับ ตำบลซ่อน' };
const CLIENT = { ip: '203.0.113.77', userAgent: 'UA-canary-5f1e', referrer: 'https://referrer-canary.example/leak' };
const SUBJECT = 'ปลัดรับเงินผู้รับเหมา canary-subject';

/**
 * The built server as a process of its own (its real log on stdout), on a
 * database of this test's own: a whistleblower's identity, receipt and
 * client must appear in no log line, no row in clear, no mail and no answer
 * to anyone but an integrity officer who records why.
 */
describe('a whistleblower leaves no trace outside the vault', () => {
  jest.setTimeout(120_000);
  const database = `${DB_PREFIX}_wbpriv_${randomUUID().slice(0, 8)}`;
  const smtp = new SmtpSink();
  let server: ServerProcess;
  let base: string;
  let db: DataSource;
  let t: TestApp;
  let tok: Record<string, string>;
  let receiptCode: string;
  let caseId: string;
  let walkInId: string;

  const headers = { 'X-Forwarded-For': CLIENT.ip, 'User-Agent': CLIENT.userAgent, Referer: CLIENT.referrer };

  beforeAll(async () => {
    await withServer((c) => c.query(`CREATE DATABASE ${database} TEMPLATE ${TEMPLATE_DB}`));
    await smtp.start();
    server = ServerProcess.start('main', {
      DATABASE_URL: databaseUrl(database),
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: appRedisPrefix(),
      SMTP_URL: smtp.url,
      PORT: '0',
      METRICS_PORT: '0',
      PUBLIC_BASE_URL: 'http://rongrian.test',
      LOG_LEVEL: 'trace',
      TRUST_PROXY: 'true',
      WHISTLEBLOWER_POW_DIFFICULTY: '4',
      MAIL_RETRY_DELAY_MS: '100',
    });
    base = await server.listeningUrl();
    db = new DataSource(dataSourceOptions(databaseUrl(database)));
    await db.initialize();
    t = { http: base, db, clock: { now: () => new Date() } } as unknown as TestApp;
    const entries = await Promise.all(Object.entries(STAFF).map(async ([k, email]) => [k, await bearer(t, email)] as const));
    tok = Object.fromEntries(entries);

    const challenge = (await request(base).get('/api/v1/whistleblower/challenge').set(headers).expect(200)).body;
    const filed = await request(base)
      .post('/api/v1/whistleblower/reports')
      .set(headers)
      .send({
        subject: SUBJECT,
        description: 'รายละเอียดการรับเงิน',
        identity: WHISTLEBLOWER,
        pow: { id: challenge.id, nonce: solve(challenge.salt, challenge.difficulty) },
      })
      .expect(201);
    receiptCode = filed.body.receiptCode.replace(/ /g, '');
    [{ id: caseId }] = await db.query('SELECT id FROM cases WHERE reference_no = $1', [filed.body.referenceNo]);
    const walkIn = await request(base)
      .post('/api/v1/cases')
      .set('Authorization', tok.integrity)
      .send(offlineCase({ kind: 'corruption', channel: 'walk_in', categoryCode: 'bribery', complainant: OFFICE_WALK_IN }))
      .expect(201);
    walkInId = walkIn.body.id;

    const token = (await request(base).post('/api/v1/whistleblower/access').set(headers).send({ receiptCode }).expect(200)).body.token;
    await request(base).post('/api/v1/whistleblower/report/messages').set(headers).set('Authorization', `Bearer ${token}`).send({ body: 'ข้อมูลเพิ่มเติม' }).expect(201);
    await act(t, tok.integrity, caseId, { action: 'message', message: 'ได้รับแล้ว canary-officer-text' }).expect(200);
    await waitFor(() => smtp.to(WHISTLEBLOWER.email).length >= 1 || undefined, { timeoutMs: 20_000, what: 'the news mail' });
  });

  afterAll(async () => {
    await server?.stop();
    await db?.destroy();
    await smtp.stop();
    await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
  });

  const secrets = () => [
    ...Object.values(WHISTLEBLOWER),
    ...Object.values(OFFICE_WALK_IN),
    CLIENT.ip,
    CLIENT.userAgent,
    'referrer-canary',
    receiptCode,
    receiptCode.replace(/(\d{4})(?=\d)/g, '$1 '),
  ];

  it('keeps every identity of a corruption case sealed: none of it in a dump of the database', async () => {
    const { stdout } = await run('pg_dump', ['--data-only', '--no-owner', databaseUrl(database)], { maxBuffer: 256 * 1024 * 1024 });
    expect(stdout).toContain(SUBJECT);
    for (const s of secrets()) expect(stdout).not.toContain(s);
    const rows = await db.query(
      `SELECT p.anonymous, p.vaulted, p.name, p.email, p.phone, p.address, v.key_id AS "keyId"
       FROM cases c JOIN complainants p ON p.id = c.complainant_id JOIN whistleblower_identities v ON v.case_id = c.id
       WHERE c.id IN ($1, $2)`,
      [caseId, walkInId],
    );
    expect(rows).toEqual([
      { anonymous: false, vaulted: true, name: null, email: null, phone: null, address: null, keyId: 'dev-only' },
      { anonymous: false, vaulted: true, name: null, email: null, phone: null, address: null, keyId: 'dev-only' },
    ]);
  });

  it('logs no identity, receipt, address, user agent or referrer', () => {
    const log = server.stdout.join('\n');
    expect(log).toContain('/api/v1/whistleblower/reports');
    for (const s of secrets()) expect(log).not.toContain(s);
  });

  it('tells the whistleblower only that there is news, and where to follow up', () => {
    const [mail] = smtp.to(WHISTLEBLOWER.email);
    const all = `${mail.subject}\n${mail.text}\n${mail.html}`;
    expect(all).toContain('http://rongrian.test/report/follow-up');
    for (const s of [SUBJECT, 'canary-officer-text', 'C-25', 'ท.', WHISTLEBLOWER.name, 'integrity', 'ความซื่อสัตย์']) expect(all).not.toContain(s);
    expect(smtp.to(OFFICE_WALK_IN.email)).toEqual([]);
  });

  it('shows corruption cases to no other role: empty queues and counts, no search hit, 404 by id', async () => {
    for (const role of ['center', 'works', 'worksHead', 'finance', 'executive', 'admin'] as const) {
      for (const id of [caseId, walkInId]) {
        const detail = await request(base).get(`/api/v1/cases/${id}`).set('Authorization', tok[role]);
        expect([role, detail.status]).toEqual([role, role === 'admin' ? 403 : 404]);
        const acted = await act(t, tok[role], id, { action: 'note', message: 'x' });
        // Roles that may act on no case at all are refused before any case is looked up: that says nothing either.
        expect([role, acted.status]).toEqual([role, role === 'admin' || role === 'executive' ? 403 : 404]);
        await request(base).post(`/api/v1/cases/${id}/identity/reveal`).set('Authorization', tok[role]).send({ reason: 'x' }).expect(403);
      }
      if (role === 'admin') continue;
      for (const query of ['', '?kind=corruption', `?q=${encodeURIComponent('canary-subject')}`, '?view=unscreened']) {
        const queue = await request(base).get(`/api/v1/cases${query}`).set('Authorization', tok[role]).expect(200);
        expect([role, query, queue.body.items]).toEqual([role, query, []]);
        expect(Object.values(queue.body.counts ?? {}).reduce((a: number, b) => a + Number(b), 0)).toBe(0);
      }
    }
    const mine = await request(base).get('/api/v1/cases?kind=corruption').set('Authorization', tok.integrity).expect(200);
    expect(mine.body.items.map((i: { id: string }) => i.id).sort()).toEqual([caseId, walkInId].sort());
  });

  it('gives executives corruption figures as numbers only, and the public the same', async () => {
    const summary = await request(base).get('/api/v1/reports/summary').set('Authorization', tok.executive).expect(200);
    expect(summary.body.totals.byKind).toContainEqual(expect.objectContaining({ key: 'corruption', received: 2 }));
    await request(base).get('/api/v1/reports/summary?kind=corruption').set('Authorization', tok.executive).expect(403);
    await request(base).get('/api/v1/reports/recurrence?kind=corruption').set('Authorization', tok.executive).expect(403);
    await request(base).get('/api/v1/reports/summary?kind=corruption&format=csv').set('Authorization', tok.center).expect(403);
    const stats = await request(base).get('/api/v1/public/statistics').expect(200);
    expect(stats.body.corruption.received).toBe(2);
    for (const answer of [summary.body, stats.body]) {
      const text = JSON.stringify(answer);
      for (const s of [...secrets(), SUBJECT, caseId, walkInId]) expect(text).not.toContain(s);
    }
  });

  it('never puts the identity in the integrity officer’s own views: the case says only that the vault holds one', async () => {
    for (const id of [caseId, walkInId]) {
      const detail = await request(base).get(`/api/v1/cases/${id}`).set('Authorization', tok.integrity).expect(200);
      expect(detail.body.complainant).toEqual({ anonymous: false, vaulted: true });
      for (const s of secrets()) expect(JSON.stringify(detail.body)).not.toContain(s);
    }
  });

  it('reveals to an integrity officer who gives a reason, and the administrator sees the reveal in the audit log', async () => {
    await request(base).post(`/api/v1/cases/${caseId}/identity/reveal`).set('Authorization', tok.integrity).send({}).expect(400);
    const revealed = await request(base)
      .post(`/api/v1/cases/${walkInId}/identity/reveal`)
      .set('Authorization', tok.integrity)
      .send({ reason: 'ต้องสอบปากคำพยาน' })
      .expect(200);
    expect(revealed.body).toEqual(OFFICE_WALK_IN);
    const audit = await request(base).get('/api/v1/audit?limit=100').set('Authorization', tok.admin).expect(200);
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'identity_reveal', caseId: walkInId, reason: 'ต้องสอบปากคำพยาน', actorId: expect.any(String) }),
    );
    expect(JSON.stringify(audit.body)).not.toContain(OFFICE_WALK_IN.name);
    await request(base).get('/api/v1/audit').set('Authorization', tok.integrity).expect(403);
  });

  it('makes a reveal wait for a custodian when the setting says so: never the one who asks', async () => {
    await request(base).patch('/api/v1/settings').set('Authorization', tok.admin).send({ identity: { revealNeedsApproval: true } }).expect(200);
    const asked = await request(base)
      .post(`/api/v1/cases/${caseId}/identity/reveal`)
      .set('Authorization', tok.integrity)
      .send({ reason: 'ผู้แจ้งขอให้ติดต่อกลับ' })
      .expect(202);
    expect(asked.body).toEqual({ pendingApproval: true, requestId: expect.any(String) });
    const again = await request(base).post(`/api/v1/cases/${caseId}/identity/reveal`).set('Authorization', tok.integrity).send({ reason: 'อีกครั้ง' }).expect(202);
    expect(again.body.requestId).toBe(asked.body.requestId);

    const pending = await request(base).get('/api/v1/identity-reveals').set('Authorization', tok.admin).expect(200);
    expect(pending.body.items).toEqual([expect.objectContaining({ id: asked.body.requestId, caseId, reason: 'ผู้แจ้งขอให้ติดต่อกลับ', status: 'pending' })]);
    expect(JSON.stringify(pending.body)).not.toContain(WHISTLEBLOWER.name);
    await request(base).get('/api/v1/identity-reveals').set('Authorization', tok.executive).expect(403);
    await request(base).post(`/api/v1/identity-reveals/${asked.body.requestId}/approve`).set('Authorization', tok.integrity).send({}).expect(403);
    await request(base).post(`/api/v1/identity-reveals/${asked.body.requestId}/approve`).set('Authorization', tok.center).send({}).expect(403);
    const approved = await request(base).post(`/api/v1/identity-reveals/${asked.body.requestId}/approve`).set('Authorization', tok.admin).send({}).expect(200);
    expect(approved.body.status).toBe('approved');
    expect(JSON.stringify(approved.body)).not.toContain(WHISTLEBLOWER.name);
    await request(base).post(`/api/v1/identity-reveals/${asked.body.requestId}/approve`).set('Authorization', tok.admin).send({}).expect(409);

    const revealed = await request(base)
      .post(`/api/v1/cases/${caseId}/identity/reveal`)
      .set('Authorization', tok.integrity)
      .send({ reason: 'ผู้แจ้งขอให้ติดต่อกลับ' })
      .expect(200);
    expect(revealed.body).toEqual({ ...WHISTLEBLOWER, address: null });
    // The approval was good for that one reveal.
    await request(base).post(`/api/v1/cases/${caseId}/identity/reveal`).set('Authorization', tok.integrity).send({ reason: 'อีกครั้ง' }).expect(202);

    const audit = await request(base).get('/api/v1/audit?limit=100').set('Authorization', tok.admin).expect(200);
    const actions = audit.body.items.filter((i: { caseId?: string }) => i.caseId === caseId).map((i: { action: string }) => i.action);
    expect(actions).toEqual(expect.arrayContaining(['identity_reveal_requested', 'identity_reveal_approved', 'identity_reveal']));
    await request(base).patch('/api/v1/settings').set('Authorization', tok.admin).send({ identity: { revealNeedsApproval: false } }).expect(200);
  });
});
