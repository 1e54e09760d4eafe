import { DataSource } from 'typeorm';
import { migrations } from '../../migrations';
import { CaseFactsAndOutboxKeys1764400100000 } from '../../migrations/1764400100000-case-facts-and-outbox-keys';
import { dataSourceOptions } from '../../src/database/data-source';
import { ensureDatabase } from '../../src/database/migrate';
import { databaseUrl, DB_PREFIX, withServer } from '../support/databases';

/** The stored facts of cases that existed before they were stored, rebuilt from their timelines. */
describe('backfill of the stored case facts', () => {
  const name = `${DB_PREFIX}_backfill_${process.pid}`;
  const url = databaseUrl(name);
  const at = (iso: string) => new Date(iso);

  afterAll(() => withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)));

  it('sets overdue, resolution, closing and first-answer dates of existing cases from their events', async () => {
    await withServer((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await ensureDatabase(url);
    const upTo = migrations.indexOf(CaseFactsAndOutboxKeys1764400100000);
    const before = new DataSource({ ...dataSourceOptions(url), migrations: migrations.slice(0, upTo) });
    await before.initialize();
    await before.runMigrations();
    const insertCase = async (seq: number, status: string, receivedAt: string) => {
      const [{ id }] = await before.query(
        `INSERT INTO cases (kind, channel, status, fiscal_year, sequence, reference_no, subject, description, received_at, due_at)
         VALUES ('general', 'phone', $1, 2569, $2, $3, 'เรื่อง', 'รายละเอียด', $4, $4::timestamptz + interval '15 days') RETURNING id`,
        [status, seq, `G-2569-${String(seq).padStart(6, '0')}`, receivedAt],
      );
      return id as string;
    };
    const event = (caseId: string, when: string, action: string, from: string | null, to: string, isPublic: boolean) =>
      before.query(
        `INSERT INTO case_events (case_id, at, action, from_status, to_status, public, actor_role) VALUES ($1, $2, $3, $4, $5, $6, 'center')`,
        [caseId, when, action, from, to, isPublic],
      );
    // Resolved late, then closed: overdue, and its dates.
    const late = await insertCase(1, 'closed', '2026-01-01T00:00:00Z');
    await event(late, '2026-01-01T00:00:00Z', 'receive', null, 'received', true);
    await event(late, '2026-01-02T00:00:00Z', 'note', 'received', 'received', false);
    await event(late, '2026-01-03T00:00:00Z', 'accept', 'received', 'accepted', true);
    await event(late, '2026-01-25T00:00:00Z', 'resolve', 'accepted', 'resolved', true);
    await event(late, '2026-01-26T00:00:00Z', 'close', 'resolved', 'closed', true);
    // Rejected in time: never overdue, never resolved.
    const quick = await insertCase(2, 'rejected', '2026-01-01T00:00:00Z');
    await event(quick, '2026-01-01T00:00:00Z', 'receive', null, 'received', true);
    await event(quick, '2026-01-05T00:00:00Z', 'reject', 'received', 'rejected', true);
    // Still open long past due.
    const open = await insertCase(3, 'received', '2026-01-01T00:00:00Z');
    await event(open, '2026-01-01T00:00:00Z', 'receive', null, 'received', true);
    await before.destroy();

    const after = new DataSource({ ...dataSourceOptions(url), migrations });
    await after.initialize();
    try {
      await after.runMigrations();
      const rows = await after.query(
        `SELECT id, overdue_at AS "overdueAt", first_response_at AS "firstResponseAt", first_resolved_at AS "firstResolvedAt",
                last_resolved_at AS "lastResolvedAt", first_closed_at AS "firstClosedAt", last_closed_at AS "lastClosedAt", locale
         FROM cases`,
      );
      const byId = Object.fromEntries(rows.map((r: { id: string }) => [r.id, r]));
      expect(byId[late]).toMatchObject({
        overdueAt: at('2026-01-16T00:00:00Z'),
        firstResponseAt: at('2026-01-03T00:00:00Z'),
        firstResolvedAt: at('2026-01-25T00:00:00Z'),
        lastResolvedAt: at('2026-01-25T00:00:00Z'),
        firstClosedAt: at('2026-01-26T00:00:00Z'),
        locale: 'th',
      });
      expect(byId[quick]).toMatchObject({ overdueAt: null, firstResolvedAt: null, firstResponseAt: at('2026-01-05T00:00:00Z') });
      expect(byId[open]).toMatchObject({ overdueAt: at('2026-01-16T00:00:00Z'), firstResponseAt: null });
    } finally {
      await after.destroy();
    }
  });
});
