import { MigrationInterface, QueryRunner } from 'typeorm';

const OPEN = `('received', 'accepted', 'assigned', 'in_progress')`;
/** Sentinels in the rollup's keys: "no department/category" and "all of them". */
const NONE = `'00000000-0000-0000-0000-000000000000'::uuid`;
const ALL = `'ffffffff-ffff-ffff-ffff-ffffffffffff'::uuid`;
export const MEASURES = [
  'received',
  'resolved',
  'resolved_within',
  'resolved_late',
  'resolve_seconds',
  'open',
  'overdue',
  'completed_within',
  'rejected',
  'referred',
  'withdrawn',
  'merged',
  'feedback_responses',
  'feedback_sum',
  'feedback_satisfied',
] as const;
export const KEY = ['fiscal_year', 'kind', 'grain', 'department_id', 'channel', 'category_id', 'month'] as const;
export const DAY_KEY = ['fiscal_year', 'kind', 'grain', 'department_id', 'channel', 'month', 'days'] as const;

/** Adds the deltas `source` yields to a rollup table, in key order (see below). */
export const addToRollup = (table: string, key: readonly string[], measures: readonly string[], source: string) => `
        INSERT INTO ${table} AS t (${[...key, ...measures].join(', ')})
        SELECT ${[...key, ...measures.map((m) => `sum(${m})`)].join(', ')}
        FROM (${source}) d
        GROUP BY ${key.join(', ')}
        HAVING ${measures.map((m) => `sum(${m}) <> 0`).join(' OR ')}
        ORDER BY ${key.join(', ')}
        ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${measures.map((m) => `${m} = t.${m} + EXCLUDED.${m}`).join(', ')}`;

/**
 * The statistics' rollup, kept by triggers in the transaction of every write
 * to `cases` (and to `case_feedback`), so that a summary of a fiscal year
 * reads a few hundred pre-added rows instead of counting a million cases,
 * and is exact the moment a change commits.
 *
 * A case counts in the month it was received (Bangkok time), with its state
 * today. Each case adds to eight rows of `report_cells`, one per "grain":
 * bit 1 keeps its department, bit 2 its channel, bit 4 its category, and a
 * dimension not kept holds the ALL sentinel. Every filter and breakdown of
 * the summary is then a range of one index. `report_resolve_days` is a
 * histogram of whole days to first resolution (grains 0–3), for medians.
 *
 * Changes are staged as deltas while the transaction works and added at its
 * commit in one statement per table, in key order (`n = n + delta` upserts:
 * the row lock serialises writers, so no update is lost, and no two
 * transactions can take the same rows in opposite orders). (No
 * CHECK (n >= 0): Postgres checks the proposed row, a negative delta,
 * before it finds the conflict; the tests recount instead.)
 */
export class ReportRollups1764800000000 implements MigrationInterface {
  name = 'ReportRollups1764800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE case_feedback (
        case_id     uuid PRIMARY KEY REFERENCES cases (id),
        rating      smallint NOT NULL CHECK (rating BETWEEN 1 AND 5),
        comment     text CHECK (char_length(comment) <= 1000),
        created_at  timestamptz NOT NULL
      )`);
    // A rating is given once and kept as it was given.
    await q.query(`
      CREATE FUNCTION case_feedback_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_feedback rows are not changed (% refused)', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_feedback_immutable BEFORE UPDATE ON case_feedback
        FOR EACH ROW EXECUTE FUNCTION case_feedback_immutable()`);

    await q.query(`
      CREATE TABLE report_notes (
        fiscal_year  integer NOT NULL CHECK (fiscal_year BETWEEN 2500 AND 3000),
        period       text NOT NULL CHECK (period IN ('month', 'quarter', 'half', 'year')),
        part         integer NOT NULL CHECK (part BETWEEN 1 AND 12),
        problems     text NOT NULL DEFAULT '' CHECK (char_length(problems) <= 5000),
        obstacles    text NOT NULL DEFAULT '' CHECK (char_length(obstacles) <= 5000),
        solutions    text NOT NULL DEFAULT '' CHECK (char_length(solutions) <= 5000),
        updated_by   uuid REFERENCES users (id),
        updated_at   timestamptz NOT NULL,
        PRIMARY KEY (fiscal_year, period, part)
      )`);

    await q.query(`
      CREATE TABLE report_cells (
        fiscal_year    integer NOT NULL,
        kind           text NOT NULL,
        grain          smallint NOT NULL CHECK (grain BETWEEN 0 AND 7),
        department_id  uuid NOT NULL,
        channel        text NOT NULL,
        category_id    uuid NOT NULL,
        month          date NOT NULL,
        ${MEASURES.map((m) => `${m} ${m === 'resolve_seconds' ? 'bigint' : 'integer'} NOT NULL DEFAULT 0`).join(',\n        ')},
        PRIMARY KEY (${KEY.join(', ')})
      )`);
    await q.query(`
      CREATE TABLE report_resolve_days (
        fiscal_year    integer NOT NULL,
        kind           text NOT NULL,
        grain          smallint NOT NULL CHECK (grain BETWEEN 0 AND 3),
        department_id  uuid NOT NULL,
        channel        text NOT NULL,
        month          date NOT NULL,
        days           integer NOT NULL,
        n              integer NOT NULL,
        PRIMARY KEY (${DAY_KEY.join(', ')})
      )`);

    // What one case adds to the cells, times sign (+1 or -1), for each of its eight grains.
    await q.query(`
      CREATE FUNCTION report_case_cells(c cases, rating smallint, sign integer)
      RETURNS SETOF report_cells LANGUAGE sql IMMUTABLE AS $$
        SELECT c.fiscal_year, c.kind, g::smallint,
               CASE WHEN g & 1 = 1 THEN coalesce(c.department_id, ${NONE}) ELSE ${ALL} END,
               CASE WHEN g & 2 = 2 THEN c.channel ELSE '*' END,
               CASE WHEN g & 4 = 4 THEN coalesce(c.category_id, ${NONE}) ELSE ${ALL} END,
               (date_trunc('month', c.received_at AT TIME ZONE 'Asia/Bangkok'))::date,
               sign,
               sign * (c.first_resolved_at IS NOT NULL)::int,
               sign * coalesce(c.first_resolved_at <= c.due_at, false)::int,
               sign * coalesce(c.first_resolved_at > c.due_at, false)::int,
               sign * coalesce(round(extract(epoch FROM c.first_resolved_at - c.received_at))::bigint, 0),
               sign * (c.status IN ${OPEN})::int,
               sign * (c.overdue_at IS NOT NULL)::int,
               sign * (c.status NOT IN ${OPEN} AND c.overdue_at IS NULL)::int,
               sign * (c.status = 'rejected')::int,
               sign * (c.referred_to IS NOT NULL)::int,
               sign * (c.status = 'withdrawn')::int,
               sign * (c.status = 'merged')::int,
               sign * (rating IS NOT NULL)::int,
               sign * coalesce(rating, 0)::int,
               sign * (coalesce(rating, 0) >= 4)::int
        FROM generate_series(0, 7) g
      $$`);
    await q.query(`
      CREATE FUNCTION report_case_days(c cases, sign integer)
      RETURNS SETOF report_resolve_days LANGUAGE sql IMMUTABLE AS $$
        SELECT c.fiscal_year, c.kind, g::smallint,
               CASE WHEN g & 1 = 1 THEN coalesce(c.department_id, ${NONE}) ELSE ${ALL} END,
               CASE WHEN g & 2 = 2 THEN c.channel ELSE '*' END,
               (date_trunc('month', c.received_at AT TIME ZONE 'Asia/Bangkok'))::date,
               greatest(0, ceil(extract(epoch FROM c.first_resolved_at - c.received_at) / 86400))::int,
               sign
        FROM generate_series(0, 3) g
        WHERE c.first_resolved_at IS NOT NULL
      $$`);

    const stage = (table: string, columns: readonly string[], source: string) => `
        INSERT INTO ${table} (xact, ${columns.join(', ')}) SELECT pg_current_xact_id(), d.* FROM (${source}) d`;

    // Deltas wait here until the transaction commits (see report_flush): plain
    // inserts, no shared row is locked while the transaction goes on.
    await q.query(`CREATE UNLOGGED TABLE report_cell_deltas (xact xid8 NOT NULL, LIKE report_cells)`);
    await q.query(`CREATE INDEX report_cell_deltas_xact_idx ON report_cell_deltas (xact)`);
    await q.query(`CREATE UNLOGGED TABLE report_day_deltas (xact xid8 NOT NULL, LIKE report_resolve_days)`);
    await q.query(`CREATE INDEX report_day_deltas_xact_idx ON report_day_deltas (xact)`);

    // The row before minus the row after: a change that moves a case to another
    // cell takes it out of one and into the other.
    await q.query(`
      CREATE FUNCTION report_cases_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        old_rating smallint;
        new_rating smallint;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          SELECT rating INTO old_rating FROM case_feedback WHERE case_id = OLD.id;
        END IF;
        IF TG_OP <> 'DELETE' THEN
          SELECT rating INTO new_rating FROM case_feedback WHERE case_id = NEW.id;
        END IF;
        ${stage(
          'report_cell_deltas',
          [...KEY, ...MEASURES],
          `SELECT * FROM report_case_cells(OLD, old_rating, -1) WHERE TG_OP <> 'INSERT'
           UNION ALL SELECT * FROM report_case_cells(NEW, new_rating, 1) WHERE TG_OP <> 'DELETE'`,
        )};
        ${stage(
          'report_day_deltas',
          [...DAY_KEY, 'n'],
          `SELECT * FROM report_case_days(OLD, -1) WHERE TG_OP <> 'INSERT'
           UNION ALL SELECT * FROM report_case_days(NEW, 1) WHERE TG_OP <> 'DELETE'`,
        )};
        RETURN NULL;
      END $$`);

    // At commit, everything the transaction staged is added in one statement per
    // table, in key order. Rollup rows are locked only here, for the instant
    // before the commit, always in the same order: two transactions touching
    // several cases (a merge, a batch) cannot deadlock on them, and the rows
    // every change of a month shares are not held while the transaction works.
    // The first row's deferred trigger does the work; the others find nothing.
    // One number that changes with every committed change of the figures: a
    // reader that saw the same number may reuse what it computed (it is still exact).
    await q.query(`CREATE TABLE report_version (id boolean PRIMARY KEY DEFAULT true CHECK (id), v bigint NOT NULL)`);
    await q.query(`INSERT INTO report_version (v) VALUES (1)`);
    await q.query(`
      CREATE FUNCTION report_flush() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM report_cell_deltas WHERE xact = pg_current_xact_id())
           AND NOT EXISTS (SELECT 1 FROM report_day_deltas WHERE xact = pg_current_xact_id()) THEN
          RETURN NULL;
        END IF;
        ${addToRollup(
          'report_cells',
          KEY,
          MEASURES,
          `SELECT ${[...KEY, ...MEASURES].join(', ')} FROM report_cell_deltas WHERE xact = pg_current_xact_id()`,
        )};
        ${addToRollup('report_resolve_days', DAY_KEY, ['n'], `SELECT ${[...DAY_KEY, 'n'].join(', ')} FROM report_day_deltas WHERE xact = pg_current_xact_id()`)};
        DELETE FROM report_cell_deltas WHERE xact = pg_current_xact_id();
        DELETE FROM report_day_deltas WHERE xact = pg_current_xact_id();
        UPDATE report_version SET v = v + 1;
        RETURN NULL;
      END $$`);

    await q.query(`
      CREATE TRIGGER report_cases_insert_delete AFTER INSERT OR DELETE ON cases
        FOR EACH ROW EXECUTE FUNCTION report_cases_track()`);
    const tracked = [
      'kind',
      'channel',
      'status',
      'fiscal_year',
      'received_at',
      'due_at',
      'department_id',
      'category_id',
      'first_resolved_at',
      'overdue_at',
      'referred_to',
    ];
    const changed = `(${tracked.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})`;
    await q.query(`
      CREATE TRIGGER report_cases_update AFTER UPDATE OF ${tracked.join(', ')} ON cases
        FOR EACH ROW WHEN ${changed}
        EXECUTE FUNCTION report_cases_track()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER report_cases_flush AFTER INSERT OR DELETE ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_flush()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER report_cases_flush_update AFTER UPDATE OF ${tracked.join(', ')} ON cases
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN ${changed}
        EXECUTE FUNCTION report_flush()`);

    // A rating joins the cells of its case as the case stands. The share lock
    // waits for a change of the case in flight, whose own trigger then either
    // saw this rating (committed first) or moved the case before it is added.
    await q.query(`
      CREATE FUNCTION report_feedback_track() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        c cases;
        f case_feedback;
        sign integer;
      BEGIN
        IF TG_OP = 'INSERT' THEN f := NEW; sign := 1; ELSE f := OLD; sign := -1; END IF;
        SELECT * INTO c FROM cases WHERE id = f.case_id FOR SHARE;
        IF NOT FOUND THEN RETURN NULL; END IF;
        ${stage(
          'report_cell_deltas',
          [...KEY, ...MEASURES],
          `SELECT ${[...KEY].join(', ')}, ${MEASURES.map((m) => (m.startsWith('feedback_') ? m : '0')).join(', ')} FROM report_case_cells(c, f.rating, sign)`,
        )};
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_feedback_track AFTER INSERT OR DELETE ON case_feedback
        FOR EACH ROW EXECUTE FUNCTION report_feedback_track()`);
    await q.query(`
      CREATE CONSTRAINT TRIGGER report_feedback_flush AFTER INSERT OR DELETE ON case_feedback
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION report_flush()`);

    // TRUNCATE skips row triggers; recount from what is left (nothing, usually).
    await q.query(`
      CREATE FUNCTION report_rebuild() RETURNS void LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_cells;
        DELETE FROM report_resolve_days;
        UPDATE report_version SET v = v + 1;
        ${addToRollup(
          'report_cells',
          KEY,
          MEASURES,
          `SELECT x.* FROM cases c LEFT JOIN case_feedback f ON f.case_id = c.id, LATERAL report_case_cells(c, f.rating, 1) x`,
        )};
        ${addToRollup('report_resolve_days', DAY_KEY, ['n'], `SELECT x.* FROM cases c, LATERAL report_case_days(c, 1) x`)};
      END $$`);
    await q.query(`
      CREATE FUNCTION report_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        DELETE FROM report_cell_deltas WHERE xact = pg_current_xact_id();
        DELETE FROM report_day_deltas WHERE xact = pg_current_xact_id();
        PERFORM report_rebuild();
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER report_cases_truncate AFTER TRUNCATE ON cases
        FOR EACH STATEMENT EXECUTE FUNCTION report_truncated()`);
    await q.query(`SELECT report_rebuild()`);

    // Recurrence reads a fiscal year's cases by category and by location.
    await q.query(`CREATE INDEX cases_fiscal_year_kind_idx ON cases (fiscal_year, kind)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_fiscal_year_kind_idx`);
    await q.query(`DROP TRIGGER report_cases_truncate ON cases`);
    await q.query(`DROP TRIGGER report_feedback_flush ON case_feedback`);
    await q.query(`DROP TRIGGER report_cases_flush_update ON cases`);
    await q.query(`DROP TRIGGER report_cases_flush ON cases`);
    await q.query(`DROP TRIGGER report_feedback_track ON case_feedback`);
    await q.query(`DROP TRIGGER report_cases_update ON cases`);
    await q.query(`DROP TRIGGER report_cases_insert_delete ON cases`);
    await q.query(`DROP FUNCTION report_truncated`);
    await q.query(`DROP FUNCTION report_rebuild`);
    await q.query(`DROP FUNCTION report_feedback_track`);
    await q.query(`DROP FUNCTION report_cases_track`);
    await q.query(`DROP FUNCTION report_flush`);
    await q.query(`DROP TABLE report_version`);
    await q.query(`DROP TABLE report_day_deltas`);
    await q.query(`DROP TABLE report_cell_deltas`);
    await q.query(`DROP FUNCTION report_case_days`);
    await q.query(`DROP FUNCTION report_case_cells`);
    await q.query(`DROP TABLE report_resolve_days`);
    await q.query(`DROP TABLE report_cells`);
    await q.query(`DROP TABLE report_notes`);
    await q.query(`DROP TABLE case_feedback`);
    await q.query(`DROP FUNCTION case_feedback_immutable`);
  }
}
