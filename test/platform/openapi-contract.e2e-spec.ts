import request from 'supertest';
import { ADMIN_TEST_PASSWORD, CreatedRows, unique } from '../admin/admin-fixtures';
import { startAttachmentsApp } from '../attachments/attachments-app';
import * as sample from '../attachments/sample-files';
import { bearer, staffTokens, totpCodeAt } from '../support/auth';
import { act, departmentId, offlineCase, registerCase } from '../support/cases';
import { complaintBody } from '../support/factories';
import { ApiContract, OperationKey, SentRequest } from '../support/openapi-contract';
import { resetCases, TestApp } from '../support/test-app';
import { caseIdOf, fileReport, receiptBearer, reportBody, TEST_POW_DIFFICULTY } from '../whistleblower/channel';

/**
 * Every operation of the served OpenAPI document, held against real answers:
 * each row sends one request and validates the answer's status, content type
 * and body against the document (openapi-backend, Ajv). A success row's
 * request must also be valid by the document. The last test fails for any
 * operation without a validated success and error answer: a new endpoint
 * needs its rows here (one line each).
 */

type Who = 'admin' | 'center' | 'works' | 'worksHead' | 'executive' | 'integrity' | 'contract' | 'receipt';

interface Fixture {
  t: TestApp;
  auth: Record<Who, string>;
  created: CreatedRows;
  /** A general case registered by the centre, left open. */
  caseId: string;
  trackingCode: string;
  /** A general case taken through to closed, with a public timeline of every kind of entry. */
  closed: { id: string; trackingCode: string };
  worksId: string;
  departmentId: string;
  categoryId: string;
  /** An officer made for this file, who enrols in two-factor sign-in through the rows. */
  contractUser: { id: string; email: string };
  failedNotificationId: string;
  /** Two online whistleblower reports with an identity in the vault; `receipt` opens the first. */
  reports: [string, string];
  receiptCode: string;
  originalSettings: { identity: { revealNeedsApproval: boolean } };
  /** Set by rows, read by later ones. */
  attachmentId?: string;
  enrolmentToken?: string;
  otpSecret?: string;
  cursor?: string;
  revealRequests: string[];
}

interface Row {
  op: OperationKey;
  status: number;
  /** Who signs the request; public when absent. */
  as?: Who;
  /** The path as sent, with the query string; the operation's own when it has no parameters. */
  path?: string | ((f: Fixture) => string);
  body?: object | ((f: Fixture) => object | Promise<object>);
  /** Sends a multipart body with one PNG in `files`. */
  files?: boolean;
  /** Keeps something of the answer for later rows. */
  then?: (body: any, f: Fixture) => void;
}

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const BOGUS_JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLW5vdC1vdXJz';
const NOTES_YEAR = 2545;
const HOLIDAY = '2099-12-31';
const CONTRACT_PASSWORD = ADMIN_TEST_PASSWORD;

/** Error answers that no request of a healthy test server can provoke, with where they are tested instead. */
const ERROR_ANSWER_ELSEWHERE: Record<OperationKey, string> = {
  'GET /api/v1/health': 'answers 503 only while Postgres or Redis is down (test/hardening/*-outage.e2e-spec.ts)',
  'GET /api/v1/whistleblower/challenge': 'takes no input: answers only 503 in an outage (test/hardening/*-outage.e2e-spec.ts)',
};

/** In order: later rows may use what earlier ones kept. */
const ROWS: Row[] = [
  // Sign-in and two-factor enrolment
  { op: 'POST /api/v1/auth/login', status: 200, body: { email: 'center@example.go.th', password: 'test-password-123' } },
  { op: 'POST /api/v1/auth/login', status: 401, body: { email: 'center@example.go.th', password: 'not-the-password' } },
  { op: 'POST /api/v1/auth/login', status: 400, body: { email: 'not-an-email', password: 'x' } },
  { op: 'GET /api/v1/auth/me', status: 200, as: 'center' },
  { op: 'GET /api/v1/auth/me', status: 401 },
  { op: 'POST /api/v1/auth/otp/enrolment', status: 400, as: 'contract', body: { password: 'not-the-password' } },
  { op: 'POST /api/v1/auth/otp/enrolment', status: 201, as: 'contract', body: { password: CONTRACT_PASSWORD }, then: (b, f) => (f.enrolmentToken = b.enrolmentToken) },
  { op: 'POST /api/v1/auth/otp/enrol', status: 401, body: { enrolmentToken: BOGUS_JWT } },
  { op: 'POST /api/v1/auth/otp/enrol', status: 200, body: (f) => ({ enrolmentToken: f.enrolmentToken }), then: (b, f) => (f.otpSecret = b.secret) },
  { op: 'POST /api/v1/auth/otp/confirm', status: 400, body: (f) => ({ enrolmentToken: f.enrolmentToken, otp: 'abcdef' }) },
  { op: 'POST /api/v1/auth/otp/confirm', status: 200, body: (f) => ({ enrolmentToken: f.enrolmentToken, otp: totpCodeAt(f.otpSecret!, new Date()) }) },

  // The queue, a case, its actions and its files
  { op: 'GET /api/v1/cases', status: 200, as: 'center', path: '/api/v1/cases?status=received,accepted&limit=1&sort=-receivedAt', then: (b, f) => (f.cursor = b.nextCursor) },
  { op: 'GET /api/v1/cases', status: 200, as: 'center', path: (f) => `/api/v1/cases?status=received,accepted&limit=1&sort=-receivedAt&cursor=${encodeURIComponent(f.cursor ?? 'the first page had no next page')}` },
  { op: 'GET /api/v1/cases', status: 200, as: 'worksHead', path: '/api/v1/cases?assigneeId=me&overdue=false&kind=general' },
  { op: 'GET /api/v1/cases', status: 400, as: 'center', path: '/api/v1/cases?limit=0&status=lost' },
  { op: 'POST /api/v1/cases', status: 201, as: 'center', body: () => offlineCase({ consent: true }) },
  { op: 'POST /api/v1/cases', status: 400, as: 'center', body: () => offlineCase({ receivedAt: 'yesterday' }) },
  { op: 'GET /api/v1/cases/{id}', status: 200, as: 'center', path: (f) => `/api/v1/cases/${f.closed.id}` },
  { op: 'GET /api/v1/cases/{id}', status: 200, as: 'executive', path: (f) => `/api/v1/cases/${f.caseId}` },
  { op: 'GET /api/v1/cases/{id}', status: 404, as: 'center', path: `/api/v1/cases/${NO_SUCH_ID}` },
  { op: 'POST /api/v1/cases/{id}/actions', status: 200, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/actions`, body: { action: 'accept' } },
  { op: 'POST /api/v1/cases/{id}/actions', status: 409, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/actions`, body: { action: 'close' } },
  { op: 'POST /api/v1/cases/{id}/actions', status: 403, as: 'works', path: (f) => `/api/v1/cases/${f.closed.id}/actions`, body: { action: 'reopen', message: 'ยังไม่เสร็จ' } },
  { op: 'POST /api/v1/cases/{id}/actions', status: 400, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/actions`, body: { action: 'fly' } },
  { op: 'POST /api/v1/cases/{id}/due-date', status: 200, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/due-date`, body: { receivedAt: new Date(Date.now() - 5 * 86400e3).toISOString(), reason: 'ลงวันที่รับผิด' } },
  { op: 'POST /api/v1/cases/{id}/due-date', status: 400, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/due-date`, body: {} },
  { op: 'POST /api/v1/cases/{id}/attachments', status: 201, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/attachments`, files: true, then: (b, f) => (f.attachmentId = b.items[0].id) },
  { op: 'POST /api/v1/cases/{id}/attachments', status: 404, as: 'center', path: `/api/v1/cases/${NO_SUCH_ID}/attachments`, files: true },
  { op: 'GET /api/v1/cases/{id}/attachments', status: 200, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/attachments` },
  { op: 'GET /api/v1/cases/{id}/attachments', status: 404, as: 'center', path: `/api/v1/cases/${NO_SUCH_ID}/attachments` },
  { op: 'GET /api/v1/cases/{id}/attachments/{attachmentId}', status: 200, as: 'center', path: (f) => `/api/v1/cases/${f.caseId}/attachments/${f.attachmentId}` },
  { op: 'GET /api/v1/cases/{id}/attachments/{attachmentId}', status: 403, as: 'executive', path: (f) => `/api/v1/cases/${f.caseId}/attachments/${f.attachmentId}` },

  // The public side
  { op: 'POST /api/v1/complaints', status: 201, body: () => complaintBody() },
  { op: 'POST /api/v1/complaints', status: 400, body: () => complaintBody({ consent: false, complainant: { name: '' } }) },
  { op: 'POST /api/v1/complaints', status: 413, body: () => complaintBody({ description: 'ก'.repeat(400_000) }) },
  { op: 'GET /api/v1/complaints/track/{trackingCode}', status: 200, path: (f) => `/api/v1/complaints/track/${f.closed.trackingCode}` },
  { op: 'GET /api/v1/complaints/track/{trackingCode}', status: 400, path: '/api/v1/complaints/track/AAAA' },
  { op: 'POST /api/v1/complaints/track/{trackingCode}/feedback', status: 201, path: (f) => `/api/v1/complaints/track/${f.closed.trackingCode}/feedback`, body: { rating: 5, comment: 'ขอบคุณ' } },
  { op: 'POST /api/v1/complaints/track/{trackingCode}/feedback', status: 409, path: (f) => `/api/v1/complaints/track/${f.closed.trackingCode}/feedback`, body: { rating: 4 } },
  { op: 'POST /api/v1/complaints/track/{trackingCode}/attachments', status: 201, path: (f) => `/api/v1/complaints/track/${f.trackingCode}/attachments`, files: true },
  { op: 'POST /api/v1/complaints/track/{trackingCode}/attachments', status: 409, path: (f) => `/api/v1/complaints/track/${f.closed.trackingCode}/attachments`, files: true },
  { op: 'GET /api/v1/public/statistics', status: 200 },
  { op: 'GET /api/v1/public/statistics', status: 400, path: '/api/v1/public/statistics?fiscalYear=soon' },
  { op: 'GET /api/v1/health', status: 200 },

  // Reference data and administration
  { op: 'GET /api/v1/departments', status: 200, as: 'center' },
  { op: 'GET /api/v1/departments', status: 401 },
  { op: 'POST /api/v1/departments', status: 201, as: 'admin', body: () => ({ code: unique('dept'), nameTh: 'กองทดสอบ', nameEn: 'Test Division' }), then: (b, f) => f.created.track('departments', b.id) },
  { op: 'POST /api/v1/departments', status: 409, as: 'admin', body: { code: 'works', nameTh: 'กองช่าง', nameEn: 'Works' } },
  { op: 'PATCH /api/v1/departments/{id}', status: 200, as: 'admin', path: (f) => `/api/v1/departments/${f.departmentId}`, body: { nameEn: 'Renamed Division' } },
  { op: 'PATCH /api/v1/departments/{id}', status: 404, as: 'admin', path: `/api/v1/departments/${NO_SUCH_ID}`, body: { nameEn: 'Nobody' } },
  { op: 'GET /api/v1/departments/{id}/staff', status: 200, as: 'center', path: (f) => `/api/v1/departments/${f.worksId}/staff` },
  { op: 'GET /api/v1/departments/{id}/staff', status: 403, as: 'works', path: (f) => `/api/v1/departments/${f.worksId}/staff` },
  { op: 'GET /api/v1/categories', status: 200, as: 'center', path: '/api/v1/categories?kind=general' },
  { op: 'GET /api/v1/categories', status: 401 },
  { op: 'POST /api/v1/categories', status: 201, as: 'admin', body: () => ({ code: unique('cat'), kind: 'general', nameTh: 'หมวดทดสอบ', nameEn: 'Test category' }), then: (b, f) => f.created.track('categories', b.id) },
  { op: 'POST /api/v1/categories', status: 409, as: 'admin', body: { code: 'street_lights', kind: 'general', nameTh: 'ไฟ', nameEn: 'Lights' } },
  { op: 'PATCH /api/v1/categories/{id}', status: 200, as: 'admin', path: (f) => `/api/v1/categories/${f.categoryId}`, body: { nameEn: 'Renamed category' } },
  { op: 'PATCH /api/v1/categories/{id}', status: 404, as: 'admin', path: `/api/v1/categories/${NO_SUCH_ID}`, body: { nameEn: 'Nothing' } },
  { op: 'GET /api/v1/users', status: 200, as: 'admin', path: '/api/v1/users?role=officer&active=true' },
  { op: 'GET /api/v1/users', status: 403, as: 'center' },
  { op: 'POST /api/v1/users', status: 201, as: 'admin', body: (f) => ({ email: `${unique('user')}@example.go.th`, displayName: 'ผู้ใช้ทดสอบ', role: 'officer', departmentId: f.worksId, password: CONTRACT_PASSWORD }), then: (b, f) => f.created.track('users', b.id) },
  { op: 'POST /api/v1/users', status: 409, as: 'admin', body: { email: 'works@example.go.th', displayName: 'ซ้ำ', role: 'center', password: CONTRACT_PASSWORD } },
  { op: 'PATCH /api/v1/users/{id}', status: 200, as: 'admin', path: (f) => `/api/v1/users/${f.contractUser.id}`, body: { displayName: 'ผู้ใช้สัญญา' } },
  { op: 'PATCH /api/v1/users/{id}', status: 404, as: 'admin', path: `/api/v1/users/${NO_SUCH_ID}`, body: { displayName: 'ไม่มี' } },
  { op: 'POST /api/v1/users/{id}/otp/reset', status: 200, as: 'admin', path: (f) => `/api/v1/users/${f.contractUser.id}/otp/reset` },
  { op: 'POST /api/v1/users/{id}/otp/reset', status: 404, as: 'admin', path: `/api/v1/users/${NO_SUCH_ID}/otp/reset` },
  { op: 'GET /api/v1/audit', status: 200, as: 'admin', path: '/api/v1/audit?limit=5' },
  { op: 'GET /api/v1/audit', status: 403, as: 'center' },
  { op: 'GET /api/v1/settings', status: 200, as: 'admin' },
  { op: 'GET /api/v1/settings', status: 403, as: 'center' },
  { op: 'PATCH /api/v1/settings', status: 200, as: 'admin', body: { deadline: { reminderDaysBefore: [3, 1] } } },
  { op: 'PATCH /api/v1/settings', status: 400, as: 'admin', body: { contact: { email: 'not-an-email' } } },
  { op: 'GET /api/v1/holidays', status: 200, as: 'center', path: '/api/v1/holidays?year=2026' },
  { op: 'GET /api/v1/holidays', status: 400, as: 'center', path: '/api/v1/holidays?year=1' },
  { op: 'POST /api/v1/holidays', status: 201, as: 'admin', body: { date: HOLIDAY, nameTh: 'วันหยุดทดสอบ', nameEn: 'Test holiday' } },
  { op: 'POST /api/v1/holidays', status: 409, as: 'admin', body: { date: HOLIDAY, nameTh: 'วันหยุดทดสอบ', nameEn: 'Test holiday' } },
  { op: 'DELETE /api/v1/holidays/{date}', status: 204, as: 'admin', path: `/api/v1/holidays/${HOLIDAY}` },
  { op: 'DELETE /api/v1/holidays/{date}', status: 404, as: 'admin', path: `/api/v1/holidays/${HOLIDAY}` },
  { op: 'GET /api/v1/notifications/failed', status: 200, as: 'admin' },
  { op: 'GET /api/v1/notifications/failed', status: 403, as: 'center' },
  { op: 'POST /api/v1/notifications/{id}/retry', status: 200, as: 'admin', path: (f) => `/api/v1/notifications/${f.failedNotificationId}/retry` },
  { op: 'POST /api/v1/notifications/{id}/retry', status: 404, as: 'admin', path: `/api/v1/notifications/${NO_SUCH_ID}/retry` },

  // The whistleblower channel and the identity vault
  { op: 'GET /api/v1/whistleblower/challenge', status: 200 },
  { op: 'POST /api/v1/whistleblower/reports', status: 201, body: (f) => reportBody(f.t, { identity: { name: 'ผู้แจ้ง ทดสอบ', email: 'reporter@example.com' } }) },
  { op: 'POST /api/v1/whistleblower/reports', status: 400, body: { subject: '', description: 'x', pow: { id: NO_SUCH_ID, nonce: '1' } } },
  { op: 'POST /api/v1/whistleblower/access', status: 200, body: (f) => ({ receiptCode: f.receiptCode }) },
  { op: 'POST /api/v1/whistleblower/access', status: 401, body: { receiptCode: '0000 0000 0000 0001' } },
  { op: 'GET /api/v1/whistleblower/report', status: 200, as: 'receipt' },
  { op: 'GET /api/v1/whistleblower/report', status: 401 },
  { op: 'POST /api/v1/whistleblower/report/messages', status: 201, as: 'receipt', body: { body: 'มีหลักฐานเพิ่มเติม' } },
  { op: 'POST /api/v1/whistleblower/report/messages', status: 400, as: 'receipt', body: {} },
  { op: 'POST /api/v1/whistleblower/report/attachments', status: 201, as: 'receipt', files: true },
  { op: 'POST /api/v1/whistleblower/report/attachments', status: 401, files: true },
  { op: 'GET /api/v1/cases/{id}/whistleblower-report', status: 200, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[0]}/whistleblower-report` },
  { op: 'GET /api/v1/cases/{id}/whistleblower-report', status: 404, as: 'integrity', path: `/api/v1/cases/${NO_SUCH_ID}/whistleblower-report` },
  { op: 'GET /api/v1/cases/{id}', status: 200, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[0]}` },
  { op: 'POST /api/v1/cases/{id}/identity/reveal', status: 200, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[0]}/identity/reveal`, body: { reason: 'สอบข้อเท็จจริง' } },
  { op: 'POST /api/v1/cases/{id}/identity/reveal', status: 400, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[0]}/identity/reveal`, body: {} },
  { op: 'PATCH /api/v1/settings', status: 200, as: 'admin', body: { identity: { revealNeedsApproval: true } } },
  { op: 'POST /api/v1/cases/{id}/identity/reveal', status: 202, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[0]}/identity/reveal`, body: { reason: 'ต้องสอบปากคำ' }, then: (b, f) => f.revealRequests.push(b.requestId) },
  { op: 'POST /api/v1/cases/{id}/identity/reveal', status: 202, as: 'integrity', path: (f) => `/api/v1/cases/${f.reports[1]}/identity/reveal`, body: { reason: 'ต้องสอบปากคำ' }, then: (b, f) => f.revealRequests.push(b.requestId) },
  { op: 'GET /api/v1/identity-reveals', status: 200, as: 'admin' },
  { op: 'GET /api/v1/identity-reveals', status: 403, as: 'center' },
  { op: 'POST /api/v1/identity-reveals/{requestId}/approve', status: 200, as: 'admin', path: (f) => `/api/v1/identity-reveals/${f.revealRequests[0]}/approve`, body: { reason: 'เหตุผลเพียงพอ' } },
  { op: 'POST /api/v1/identity-reveals/{requestId}/approve', status: 409, as: 'admin', path: (f) => `/api/v1/identity-reveals/${f.revealRequests[0]}/approve`, body: {} },
  { op: 'POST /api/v1/identity-reveals/{requestId}/refuse', status: 200, as: 'admin', path: (f) => `/api/v1/identity-reveals/${f.revealRequests[1]}/refuse`, body: { reason: 'ยังไม่จำเป็น' } },
  { op: 'POST /api/v1/identity-reveals/{requestId}/refuse', status: 404, as: 'admin', path: `/api/v1/identity-reveals/${NO_SUCH_ID}/refuse`, body: { reason: 'ไม่มี' } },

  // Reports
  { op: 'GET /api/v1/reports/summary', status: 200, as: 'center', path: '/api/v1/reports/summary?period=quarter' },
  { op: 'GET /api/v1/reports/summary', status: 200, as: 'center', path: '/api/v1/reports/summary?format=csv' },
  { op: 'GET /api/v1/reports/summary', status: 400, as: 'center', path: '/api/v1/reports/summary?period=week' },
  { op: 'GET /api/v1/reports/recurrence', status: 200, as: 'center' },
  { op: 'GET /api/v1/reports/recurrence', status: 400, as: 'center', path: '/api/v1/reports/recurrence?limit=0' },
  { op: 'GET /api/v1/reports/notes', status: 200, as: 'center', path: `/api/v1/reports/notes?fiscalYear=${NOTES_YEAR}` },
  { op: 'GET /api/v1/reports/notes', status: 403, as: 'admin' },
  { op: 'PUT /api/v1/reports/notes/{fiscalYear}/{period}/{part}', status: 200, as: 'center', path: `/api/v1/reports/notes/${NOTES_YEAR}/month/1`, body: { problems: 'ฝนตกหนัก' } },
  { op: 'PUT /api/v1/reports/notes/{fiscalYear}/{period}/{part}', status: 403, as: 'works', path: `/api/v1/reports/notes/${NOTES_YEAR}/month/1`, body: { problems: 'x' } },
];

const methodOf = (op: OperationKey) => op.split(' ')[0];
const value = <T>(v: T | ((f: Fixture) => T), f: Fixture): T => (typeof v === 'function' ? (v as (f: Fixture) => T)(f) : v);

describe('the OpenAPI document holds for every answer', () => {
  let app: Awaited<ReturnType<typeof startAttachmentsApp>>;
  let t: TestApp;
  let contract: ApiContract;
  let f: Fixture;

  async function closedCase(center: string, worksId: string) {
    const c = await registerCase(t, center);
    for (const body of [
      { action: 'accept' },
      { action: 'assign', departmentId: worksId },
      { action: 'start' },
      { action: 'explain', message: 'รอผู้รับเหมา', expectedAt: new Date(Date.now() + 7 * 86400e3).toISOString() },
      { action: 'resolve', message: 'ซ่อมแล้ว' },
      { action: 'close' },
    ]) {
      await act(t, center, c.id, body).expect(200);
    }
    return { id: c.id, trackingCode: c.trackingCode as string };
  }

  beforeAll(async () => {
    app = await startAttachmentsApp({ WHISTLEBLOWER_POW_DIFFICULTY: TEST_POW_DIFFICULTY });
    t = app.t;
    contract = await ApiContract.load(t);
    const tokens = await staffTokens(t);
    const created = new CreatedRows(() => t);
    const worksId = await departmentId(t, 'works');
    const user = await created.user(tokens.admin, { role: 'officer', departmentId: worksId });
    const open = await registerCase(t, tokens.center);
    // A second open case, so that the queue's first page of one has a next page.
    await registerCase(t, tokens.center);
    const [notification] = await t.db.query(`UPDATE notifications SET status = 'failed' WHERE case_id = $1 RETURNING id`, [open.id]);
    const identity = { identity: { name: 'ผู้แจ้ง ทดสอบ', phone: '0812345678' } };
    const reports = [await fileReport(t, identity), await fileReport(t, identity)];
    const settings = await request(t.http).get('/api/v1/settings').set('Authorization', tokens.admin).expect(200);
    f = {
      t,
      auth: { ...tokens, contract: await bearer(t, user.email, CONTRACT_PASSWORD), receipt: await receiptBearer(t, reports[0].receiptCode) },
      reports: [await caseIdOf(t, reports[0].referenceNo), await caseIdOf(t, reports[1].referenceNo)],
      receiptCode: reports[0].receiptCode,
      originalSettings: { identity: { revealNeedsApproval: settings.body.identity.revealNeedsApproval } },
      revealRequests: [],
      created,
      caseId: open.id,
      trackingCode: open.trackingCode as string,
      closed: await closedCase(tokens.center, worksId),
      worksId,
      departmentId: (await created.department(tokens.admin)).id,
      categoryId: (await created.category(tokens.admin)).id,
      contractUser: user,
      failedNotificationId: notification[0]?.id ?? notification.id,
    };
  });

  afterAll(async () => {
    try {
      await request(t.http).patch('/api/v1/settings').set('Authorization', f.auth.admin).send(f.originalSettings).expect(200);
      // Cases first: their notifications point at the users made here.
      await resetCases(t.db);
      await f?.created.removeAll();
      await t.db.query(`DELETE FROM report_notes WHERE fiscal_year = $1`, [NOTES_YEAR]);
      await t.db.query(`DELETE FROM holidays WHERE date = $1`, [HOLIDAY]);
    } finally {
      await app.close();
    }
  });

  it.each(ROWS.map((row) => [`${row.op} → ${row.status}${row.as ? ` (${row.as})` : ''}`, row] as const))('%s', async (_name, row) => {
    const method = methodOf(row.op);
    const path = row.path ? value(row.path, f) : row.op.split(' ')[1];
    const headers: Record<string, string> = row.as ? { authorization: f.auth[row.as] } : {};
    let req = request(t.http)[method.toLowerCase() as 'get'](path).set(headers);
    const body = row.body === undefined ? undefined : await value(row.body, f);
    if (row.files) req = req.attach('files', sample.png(), { filename: 'photo.png', contentType: 'image/png' });
    else if (body !== undefined) req = req.send(body as object);
    const res = await req.buffer(true).parse((r, done) => sample.binary(r, done));
    const raw = res.body as Buffer;
    const isJson = /json/.test(res.headers['content-type'] ?? '');
    const answer = { status: res.status, contentType: res.headers['content-type'], body: isJson ? JSON.parse(raw.toString('utf8')) : raw.length ? raw : undefined };

    expect({ status: res.status, body: res.status === row.status ? 'as expected' : answer.body }).toEqual({ status: row.status, body: 'as expected' });
    const sent: SentRequest = { method, path, headers: { 'content-type': row.files ? 'multipart/form-data' : 'application/json', ...headers }, body: row.files ? Buffer.alloc(0) : body };
    expect([...contract.checkRequest(row.op, sent, res.status), ...contract.checkAnswer(row.op, answer)]).toEqual([]);
    row.then?.(answer.body, f);
  });

  it('catches an answer that drifts from its schema: a renamed, missing or extra field, a wrong type', async () => {
    const detail = (await request(t.http).get(`/api/v1/cases/${f.closed.id}`).set('Authorization', f.auth.center).expect(200)).body;
    const refused = (await act(t, f.auth.center, f.caseId, { action: 'fly' }).expect(400)).body;
    const drifted: Array<[OperationKey, number, (body: any) => void]> = [
      ['GET /api/v1/cases/{id}', 200, (b) => ([b.timeline[0].from, b.timeline[0].fromStatus] = [b.timeline[0].fromStatus, undefined])],
      ['GET /api/v1/cases/{id}', 200, (b) => delete b.allowedActions],
      ['GET /api/v1/cases/{id}', 200, (b) => (b.timeline[1].actor.email = 'leaked@example.go.th')],
      ['GET /api/v1/cases/{id}', 200, (b) => (b.overdue = 'no')],
      ['POST /api/v1/cases/{id}/actions', 400, (b) => ([b.detail, b.details] = [b.details, undefined])],
      ['POST /api/v1/cases/{id}/actions', 400, (b) => (b.details[0].path = b.details[0].field)],
    ];
    for (const [op, status, drift] of drifted) {
      const body = JSON.parse(JSON.stringify(status === 200 ? detail : refused));
      drift(body);
      const problems = contract.checkAnswer(op, { status, contentType: 'application/json', body: JSON.parse(JSON.stringify(body)) });
      expect({ drift: drift.toString(), caught: problems.length > 0 }).toEqual({ drift: drift.toString(), caught: true });
    }
    expect(contract.checkAnswer('GET /api/v1/cases/{id}', { status: 418, contentType: 'application/json', body: {} })).toEqual([
      expect.stringContaining('status 418 is not documented'),
    ]);
  });

  it('holds requests to the document too: the queue takes its statuses comma-separated', () => {
    const queue = (query: string) => contract.checkRequest('GET /api/v1/cases', { method: 'GET', path: `/api/v1/cases?${query}`, headers: {} }, 200);
    expect(queue('status=received,accepted&assigneeId=me&limit=5&overdue=true')).toEqual([]);
    expect(queue('status=received,lost')).toEqual([expect.stringContaining('invalid by the document')]);
    expect(queue('limit=2.5')).toEqual([expect.stringContaining('invalid by the document')]);
    expect(queue('assigneeId=someone')).toEqual([expect.stringContaining('invalid by the document')]);
  });

  it('describes every object the API takes or gives with all its properties, closed to others', () => {
    const open: string[] = [];
    const visit = (where: string, schema: any) => {
      if (!schema || schema.$ref) return;
      if (schema.type === 'object' && schema.properties && schema.additionalProperties !== false) open.push(where);
      for (const [name, nested] of Object.entries(schema.properties ?? {})) visit(`${where}.${name}`, nested);
      if (schema.items) visit(`${where}[]`, schema.items);
    };
    for (const [name, schema] of Object.entries(contract.document.components?.schemas ?? {})) visit(name, schema);
    expect(open).toEqual([]);
  });

  it('has validated a success and an error answer of every operation in the document', () => {
    const missing = contract.uncovered().filter((line) => {
      const key = line.slice(0, line.indexOf(':'));
      return !(key in ERROR_ANSWER_ELSEWHERE && line.startsWith(`${key}: no error answer validated`));
    });
    expect(missing).toEqual([]);
  });
});
