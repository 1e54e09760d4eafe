import { randomUUID } from 'node:crypto';
import { send } from './load';
import type { DrillStack } from './stack';

/** What sqlmap is pointed at: see `Target` in sqlmap.ts. */
export interface WhistleblowerTarget {
  name: string;
  url: string;
  data?: string;
  contentType?: string;
  headers?: string[];
  ignoreCode?: number;
  code?: number;
  /** Python that sqlmap runs before each request (`--eval`). */
  evalCode?: string;
}

/**
 * The channel's settings for the drill's server: a proof of work of a few
 * hashes, and its flood limits (existing operator settings) out of reach, so
 * that sqlmap's thousands of requests reach validation and the database
 * instead of stopping at 429.
 */
export const WHISTLEBLOWER_DRILL_ENV = {
  WHISTLEBLOWER_POW_DIFFICULTY: '4',
  WHISTLEBLOWER_NO_POW_LIMIT: '1000000',
  WHISTLEBLOWER_RECEIPT_CLIENT_LIMIT: '1000000',
  WHISTLEBLOWER_RECEIPT_GLOBAL_LIMIT: '1000000',
  WHISTLEBLOWER_TOKEN_TTL_SECONDS: '3600',
};

const REPORT = {
  subject: 'เรียกรับเงินใต้โต๊ะ (drill sqlmap)',
  description: 'เจ้าหน้าที่กองช่างเรียกรับเงินเพื่อเร่งออกใบอนุญาตก่อสร้าง',
  accused: { name: 'นายสมมติ ทดสอบ', position: 'นายช่างโยธา', department: 'กองช่าง' },
  incidentDate: '2026-10-01',
  identity: { name: 'สมชาย ใจกล้า', email: 'somchai@example.com', phone: '081-234-5678' },
};

/** The web form's fields, flattened as the page names them. */
function formFields(pow: { id: string; nonce: string }): Array<[string, string]> {
  return [
    ['subject', REPORT.subject],
    ['description', REPORT.description],
    ['accused.name', REPORT.accused.name],
    ['accused.position', REPORT.accused.position],
    ['accused.department', REPORT.accused.department],
    ['incidentDate', REPORT.incidentDate],
    ['identity.name', REPORT.identity.name],
    ['identity.email', REPORT.identity.email],
    ['identity.phone', REPORT.identity.phone],
    ['pow.id', pow.id],
    ['pow.nonce', pow.nonce],
  ];
}

function multipart(fields: Array<[string, string]>): { body: string; contentType: string } {
  const boundary = `----drill${randomUUID().replace(/-/g, '')}`;
  const parts = fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return { body: `${parts.join('')}--${boundary}--\r\n`, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * Python for sqlmap's `--eval`: before each request of the report form, a
 * fresh challenge, solved, in `pow.id` and `pow.nonce` (each is good once),
 * unless sqlmap is injecting into that very field (its value is no longer a
 * plain id or number), which then stays as sqlmap made it.
 *
 * The code does not set the fields through `--eval`'s variables: for a
 * multipart body sqlmap writes a value through re.escape, and a challenge
 * id's dashes would arrive escaped. Nor is it a `--preprocess` script:
 * Debian's sqlmap 1.7.2 loads those with inspect.getargspec, which Python
 * 3.11 no longer has. So the first run installs the same kind of function
 * in sqlmap's list of preprocess functions, which sqlmap then calls on the
 * request it is about to send. Nothing but a function is left behind: sqlmap
 * would add a new text variable to the form as a field.
 */
export function freshProofOfWork(baseUrl: string): string {
  return `def rongrian_install():
    import hashlib, itertools, json, re, urllib.request
    from lib.core.data import kb

    challenge_url = ${JSON.stringify(`${baseUrl}/api/v1/whistleblower/challenge`)}
    pow_id = re.compile(rb'(name="pow\\.id"\\r\\n\\r\\n)[0-9a-f-]{36}(\\r\\n)')
    pow_nonce = re.compile(rb'(name="pow\\.nonce"\\r\\n\\r\\n)[0-9]{1,16}(\\r\\n)')

    def solve(salt, difficulty):
        for n in itertools.count():
            if int.from_bytes(hashlib.sha256((salt + str(n)).encode()).digest(), "big") >> (256 - difficulty) == 0:
                return str(n).encode()

    def preprocess(req):
        body = req.data
        if not isinstance(body, bytes) or not pow_id.search(body):
            return
        challenge = json.load(urllib.request.build_opener().open(challenge_url, timeout=10))
        body = pow_id.sub(lambda m: m.group(1) + challenge["id"].encode() + m.group(2), body, count=1)
        nonce = solve(challenge["salt"], challenge["difficulty"])
        req.data = pow_nonce.sub(lambda m: m.group(1) + nonce + m.group(2), body, count=1)

    if not any(getattr(f, "__name__", "") == "rongrian_pow" for f in kb.preprocessFunctions):
        preprocess.__name__ = "rongrian_pow"
        kb.preprocessFunctions.append(preprocess)


rongrian_install()
`;
}

/**
 * The whistleblower channel's endpoints (SPEC §4) and its form pages, with a
 * report of their own filed first and its receipt opened, so that the
 * receipt and the token sqlmap starts from are real.
 */
export async function whistleblowerTargets(stack: DrillStack): Promise<WhistleblowerTarget[]> {
  const base = stack.baseUrl;
  const filed = await send(base, 'POST', '/api/v1/whistleblower/reports', REPORT);
  if (filed.status !== 201) throw new Error(`whistleblower report: ${filed.status} ${filed.body}`);
  const { receiptCode } = JSON.parse(filed.body) as { receiptCode: string };
  const opened = await send(base, 'POST', '/api/v1/whistleblower/access', { receiptCode });
  if (opened.status !== 200) throw new Error(`whistleblower access: ${opened.status} ${opened.body}`);
  const { token } = JSON.parse(opened.body) as { token: string };
  const form = multipart(formFields({ id: randomUUID(), nonce: '0' }));
  const urlencoded = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
  const FORM = 'application/x-www-form-urlencoded';
  return [
    { name: 'whistleblower: file a report (JSON, no proof of work)', url: `${base}/api/v1/whistleblower/reports`, data: JSON.stringify(REPORT), code: 201 },
    {
      name: 'whistleblower: file a report (the /report form, a fresh proof of work by --eval)',
      url: `${base}/report`,
      data: form.body,
      contentType: form.contentType,
      evalCode: freshProofOfWork(base),
      code: 201,
    },
    { name: 'whistleblower: receipt to token (JSON)', url: `${base}/api/v1/whistleblower/access`, data: JSON.stringify({ receiptCode }), ignoreCode: 401, code: 200 },
    {
      name: 'whistleblower: receipt on the /report/follow-up form',
      url: `${base}/report/follow-up`,
      data: urlencoded({ receiptCode, lang: 'th' }),
      contentType: FORM,
      ignoreCode: 401,
      code: 200,
    },
    {
      name: 'whistleblower: read the report (token)',
      url: `${base}/api/v1/whistleblower/report`,
      headers: [`Authorization: Bearer ${token}*`],
      ignoreCode: 401,
      code: 200,
    },
    {
      name: 'whistleblower: write a message (JSON, token)',
      url: `${base}/api/v1/whistleblower/report/messages`,
      data: JSON.stringify({ body: 'มีหลักฐานเพิ่มเติม' }),
      headers: [`Authorization: Bearer ${token}`],
      code: 201,
    },
    {
      name: 'whistleblower: write a message (the follow-up form, token in a field)',
      url: `${base}/report/follow-up/messages`,
      data: urlencoded({ token, body: 'มีหลักฐานเพิ่มเติม', lang: 'th' }),
      contentType: FORM,
      ignoreCode: 401,
      code: 200,
    },
  ];
}
