import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { WhistleblowerChannel1765000000000 } from '../../migrations/1765000000000-whistleblower-channel';
import { projectRoot } from '../../src/common/http/project-root';
import { loadConfig } from '../../src/config/app-config';
import { dataSourceOptions } from '../../src/database/data-source';
import { ensureDatabase } from '../../src/database/migrate';
import { CaseRegistrationService } from '../../src/modules/cases';
import { openIdentity } from '../../src/modules/whistleblower/vault/identity-cipher';
import { IdentityVault } from '../../src/modules/whistleblower/vault/identity-vault.service';
import { databaseUrl, DB_PREFIX, withServer, workerDatabaseName } from '../support/databases';
import { resetCases } from '../support/test-app';
import { startTestContext } from '../support/test-context';

const run = promisify(execFile);
const keyPair = (id: string) => `${id}:${randomBytes(32).toString('base64')}`;
const somchai = { name: 'สมชาย กล้าแจ้ง', email: 'somchai.brave@example.com', phone: '0811112222', address: '1 หมู่ 2' };

describe('the vault under key rotation', () => {
  const k1 = keyPair('k1');
  const k2 = keyPair('k2');
  let caseId: string;

  afterAll(async () => {
    const ctx = await startTestContext({ IDENTITY_KEYS: `${k2},${k1}` });
    await resetCases(ctx.db);
    await ctx.close();
  });

  it('seals under the current key, re-seals under the new one with npm run keys:rotate, and then needs only the new key', async () => {
    const first = await startTestContext({ IDENTITY_KEYS: k1 });
    try {
      // The files of a jest worker share its database: identities another file left, sealed under the test key, would
      // (rightly) stop the rotation, which refuses to leave behind what it cannot open.
      await resetCases(first.db);
      const registered = await first.app.get(CaseRegistrationService).register({
        kind: 'corruption',
        channel: 'letter',
        receivedAt: first.clock.now(),
        subject: 'ร้องเรียนการจัดซื้อ',
        description: 'รายละเอียด',
        categoryId: null,
        location: null,
        complainant: { anonymous: false, ...somchai },
        consentAt: null,
        letter: { number: null, date: null },
        registeredBy: null,
        locale: 'th',
      });
      caseId = registered.id;
      const [row] = await first.db.query('SELECT key_id AS "keyId" FROM whistleblower_identities WHERE case_id = $1', [caseId]);
      expect(row.keyId).toBe('k1');
    } finally {
      await first.close();
    }

    const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', join('src', 'modules', 'whistleblower', 'vault', 'keys-rotate.main.ts')], {
      cwd: projectRoot(),
      env: {
        PATH: process.env.PATH ?? '',
        NODE_ENV: 'test',
        DATABASE_URL: databaseUrl(workerDatabaseName()),
        LOG_LEVEL: 'silent',
        IDENTITY_KEYS: `${k2},${k1}`,
      },
    });
    expect(stdout).toMatch(/Re-sealed [1-9]\d* identities under key "k2"/);

    const onlyNew = await startTestContext({ IDENTITY_KEYS: k2 });
    try {
      const [row] = await onlyNew.db.query('SELECT key_id AS "keyId" FROM whistleblower_identities WHERE case_id = $1', [caseId]);
      expect(row.keyId).toBe('k2');
      expect(await onlyNew.app.get(IdentityVault).open(caseId)).toEqual(somchai);
      // Nothing is left under the old key: a second rotation has nothing to do.
      expect((await onlyNew.app.get(IdentityVault).rotate(onlyNew.db)).resealed).toBe(0);
    } finally {
      await onlyNew.close();
    }
  });
});

describe('the migration that opened the vault', () => {
  const name = `${DB_PREFIX}_vaultmig_${process.pid}`;
  const url = databaseUrl(name);

  afterAll(() => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('seals every existing corruption complainant and blanks the row; general complainants stay as they were', async () => {
    await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await ensureDatabase(url);
    const upTo = migrations.indexOf(WhistleblowerChannel1765000000000);
    const before = new DataSource({ ...dataSourceOptions(url), migrations: migrations.slice(0, upTo) });
    await before.initialize();
    await before.runMigrations();
    const insert = async (kind: 'general' | 'corruption', seq: number, person: typeof somchai) => {
      const [{ id: complainantId }] = await before.query(
        `INSERT INTO complainants (anonymous, name, email, phone, address) VALUES (false, $1, $2, $3, $4) RETURNING id`,
        [person.name, person.email, person.phone, person.address],
      );
      const [{ id }] = await before.query(
        `INSERT INTO cases (kind, channel, status, fiscal_year, sequence, reference_no, subject, description, received_at, due_at, complainant_id)
         VALUES ($1, 'letter', 'received', 2569, $2, $3, 'เรื่อง', 'รายละเอียด', now(), now() + interval '15 days', $4) RETURNING id`,
        [kind, seq, `${kind === 'general' ? 'G' : 'C'}-2569-${String(seq).padStart(6, '0')}`, complainantId],
      );
      return id as string;
    };
    const corrupt = await insert('corruption', 1, somchai);
    await insert('general', 1, { ...somchai, name: 'ประชาชน ทั่วไป' });
    await before.destroy();

    const after = new DataSource({ ...dataSourceOptions(url), migrations });
    await after.initialize();
    try {
      await after.runMigrations();
      const people = await after.query(
        `SELECT c.kind, p.anonymous, p.vaulted, p.name, p.email FROM cases c JOIN complainants p ON p.id = c.complainant_id ORDER BY c.kind`,
      );
      expect(people).toEqual([
        { kind: 'corruption', anonymous: false, vaulted: true, name: null, email: null },
        { kind: 'general', anonymous: false, vaulted: false, name: 'ประชาชน ทั่วไป', email: somchai.email },
      ]);
      const [sealed] = await after.query(`SELECT case_id AS "caseId", key_id AS "keyId", sealed FROM whistleblower_identities`);
      expect(sealed.caseId).toBe(corrupt);
      // The migration read the keys as the application does (here: the development key of a test run).
      expect(openIdentity(loadConfig(process.env).secrets.identityKeys, corrupt, sealed)).toEqual(somchai);
      // And the database itself refuses a vaulted row that holds an identity.
      await expect(after.query(`UPDATE complainants SET name = 'x' WHERE vaulted`)).rejects.toThrow(/complainants_vaulted_holds_nothing/);
    } finally {
      await after.destroy();
    }
  });
});
