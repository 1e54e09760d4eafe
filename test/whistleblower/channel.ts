import request from 'supertest';
import { solve } from '../../src/modules/whistleblower/proof-of-work';
import type { TestApp } from '../support/test-app';

/** The proof of work these tests ask for: a few hashes, so that filing stays quick. */
export const TEST_POW_DIFFICULTY = '4';

let n = 0;

/** A report as the page's script would send it, with a fresh challenge solved; override what the test is about. */
export async function reportBody(t: TestApp, overrides: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  n++;
  const challenge = (await request(t.http).get('/api/v1/whistleblower/challenge').expect(200)).body;
  return {
    subject: `เรียกรับเงินใต้โต๊ะ ${n}`,
    description: 'เจ้าหน้าที่กองช่างเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง',
    accused: { name: 'นายสมมติ ทดสอบ', position: 'นายช่างโยธา', department: 'กองช่าง' },
    incidentDate: '2026-10-01',
    pow: { id: challenge.id, nonce: solve(challenge.salt, challenge.difficulty) },
    ...overrides,
  };
}

export async function fileReport(t: TestApp, overrides: Record<string, unknown> = {}) {
  const res = await request(t.http).post('/api/v1/whistleblower/reports').send(await reportBody(t, overrides));
  if (res.status !== 201) throw new Error(`report failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { receiptCode: string; referenceNo: string };
}

/** The Authorization header a receipt opens. */
export async function receiptBearer(t: TestApp, receiptCode: string): Promise<string> {
  const res = await request(t.http).post('/api/v1/whistleblower/access').send({ receiptCode }).expect(200);
  return `Bearer ${res.body.token}`;
}

export async function caseIdOf(t: TestApp, referenceNo: string): Promise<string> {
  const [row] = await t.db.query('SELECT id FROM cases WHERE reference_no = $1', [referenceNo]);
  return row.id;
}
