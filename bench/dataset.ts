import { DataSource } from 'typeorm';

/**
 * A municipality's register after many years: `total` cases over five
 * years, 5 % corruption, most of them long closed, a working set of open
 * cases spread over the five departments, some of them late; with what
 * registration writes beside each case (its complainant, its timeline, the
 * acknowledgement mailed), so that the tables a filing adds to are as
 * large as the register, and their statistics say so.
 */
export function loadCases(db: DataSource, total: number): Promise<void> {
  return bulkLoad(db, async () => {
    // Who filed each case, one row per case as registration writes them: corruption reporters and one citizen in ten
    // anonymous, the others named, most with a phone, some with an email or an address. Case g's is complainantId(g).
    await db.query(
      `INSERT INTO complainants (id, anonymous, name, email, phone, address, created_at)
       SELECT ${complainantId('g')}, anonymous,
              CASE WHEN NOT anonymous THEN (ARRAY['สมชาย','สมหญิง','วิชัย','มาลี','ประเสริฐ','สุดา','อนันต์'])[1 + g % 7]
                                         || ' ' || (ARRAY['ใจดี','รักไทย','มั่นคง','สุขสม','ศรีสุข'])[1 + g % 5] END,
              CASE WHEN NOT anonymous AND g % 5 < 2 THEN 'citizen' || g || '@example.com' END,
              CASE WHEN NOT anonymous AND g % 5 <> 4 THEN '08' || lpad((g % 100000000)::text, 8, '0') END,
              CASE WHEN NOT anonymous AND g % 10 < 3 THEN (1 + g % 200) || ' หมู่ ' || (1 + g % 12) || ' ตำบลในเมือง' END,
              now()
       FROM (SELECT g, g % 20 = 0 OR g % 10 = 5 AS anonymous FROM generate_series(1, $1::int) g) t`,
      [total],
    );
    await db.query(`
      WITH depts AS (SELECT array_agg(id ORDER BY code) AS ids FROM departments),
           -- Categories of each kind and default department: a case's category fits its department.
           cats AS (SELECT kind, default_department_id AS dept, array_agg(id ORDER BY code) AS ids FROM categories GROUP BY 1, 2),
           raw AS (
             SELECT g,
                    CASE WHEN g % 20 = 0 THEN 'corruption' ELSE 'general' END AS kind,
                    now() - (power(random(), 2) * 5 * 365) * interval '1 day' AS received_at,
                    random() AS r,
                    -- Days to resolve: 70 % within the 15 days, 20 % up to a month, the rest up to three.
                    (SELECT CASE WHEN x < 0.7 THEN x / 0.7 * 14.5 WHEN x < 0.9 THEN 15 + (x - 0.7) * 75 ELSE 30 + (x - 0.9) * 600 END
                     FROM (SELECT random() + g * 0 AS x) q) AS resolve_days
             FROM generate_series(1, $1::int) g
           ),
           shaped AS (
             SELECT raw.*,
                    extract(year FROM received_at AT TIME ZONE 'Asia/Bangkok')::int + 543
                      + CASE WHEN extract(month FROM received_at AT TIME ZONE 'Asia/Bangkok') >= 10 THEN 1 ELSE 0 END AS fy,
                    CASE
                      WHEN received_at < now() - interval '45 days' THEN
                        (ARRAY['closed','closed','closed','closed','resolved','rejected','referred','withdrawn','merged','closed'])[1 + (g % 10)]
                      ELSE (ARRAY['received','accepted','assigned','in_progress','in_progress','resolved','closed'])[1 + (g % 7)]
                    END AS status
             FROM raw
           ),
           placed AS (
             SELECT shaped.*,
                    CASE WHEN kind = 'general' AND status NOT IN ('received', 'accepted')
                         THEN (SELECT ids[1 + (g % array_length(ids, 1))] FROM depts) END AS dept,
                    least(now(), received_at + resolve_days * interval '1 day') AS resolved_at
             FROM shaped
           )
      INSERT INTO cases (kind, channel, status, fiscal_year, sequence, reference_no, tracking_code, subject, description,
                         complainant_id, department_id, assignee_id, received_at, due_at, updated_at, explained_at,
                         category_id, location, first_resolved_at, last_resolved_at, first_closed_at, last_closed_at,
                         overdue_at, referred_to)
      SELECT kind,
             (ARRAY['web','phone','letter','walk_in','complaint_box','email','social','referral','other'])[1 + (g % 9)],
             status, fy,
             row_number() OVER (PARTITION BY kind, fy ORDER BY received_at, g),
             (CASE kind WHEN 'general' THEN 'G' ELSE 'C' END) || '-' || fy || '-' ||
               lpad((row_number() OVER (PARTITION BY kind, fy ORDER BY received_at, g))::text, 6, '0'),
             CASE WHEN kind = 'general' THEN 'BENCH' || lpad(g::text, 7, '0') END,
             'เรื่องร้องเรียนทดสอบ ' || (ARRAY['ไฟถนนดับ','ถนนเป็นหลุม','ขยะไม่เก็บ','น้ำท่วมขัง','เสียงดังรบกวน'])[1 + (g % 5)] || ' ' || g,
             'รายละเอียดของเรื่องที่ ' || g,
             ${complainantId('g')},
             CASE WHEN kind = 'general' AND status NOT IN ('received', 'accepted')
                  THEN (SELECT ids[1 + (g % array_length(ids, 1))] FROM depts) END,
             -- Every third case of the department it belongs to is on its officer's own list.
             CASE WHEN kind = 'general' AND status NOT IN ('received', 'accepted') AND g % 3 = 0
                  THEN (SELECT u.id FROM users u WHERE u.role = 'officer'
                        AND u.department_id = (SELECT ids[1 + (g % array_length(ids, 1))] FROM depts)
                        ORDER BY u.email LIMIT 1) END,
             received_at, received_at + interval '15 days',
             least(now(), received_at + r * interval '30 days'),
             CASE WHEN g % 4 = 0 AND received_at < now() - interval '15 days' THEN received_at + interval '14 days' END,
             coalesce((SELECT ids[1 + (g / 7 % array_length(ids, 1))] FROM cats WHERE cats.kind = placed.kind AND cats.dept IS NOT DISTINCT FROM placed.dept),
                      (SELECT ids[1 + (g / 7 % array_length(ids, 1))] FROM cats WHERE cats.kind = placed.kind AND cats.dept IS NULL),
                      (SELECT ids[1 + (g / 7 % array_length(ids, 1))] FROM cats WHERE cats.kind = placed.kind ORDER BY dept LIMIT 1)),
             CASE WHEN kind = 'general' THEN 'ชุมชนที่ ' || (1 + g % 40) END,
             CASE WHEN status IN ('resolved', 'closed') THEN resolved_at END,
             CASE WHEN status IN ('resolved', 'closed') THEN resolved_at END,
             CASE WHEN status = 'closed' THEN least(now(), resolved_at + interval '1 day') END,
             CASE WHEN status = 'closed' THEN least(now(), resolved_at + interval '1 day') END,
             -- Overdue from the due date: resolved late, still open past it, or (one in ten) settled otherwise late.
             CASE WHEN status IN ('resolved', 'closed') AND resolved_at > received_at + interval '15 days' THEN received_at + interval '15 days'
                  WHEN status IN ('received', 'accepted', 'assigned', 'in_progress') AND now() > received_at + interval '15 days' THEN received_at + interval '15 days'
                  WHEN status IN ('rejected', 'referred', 'withdrawn', 'merged') AND r < 0.1 THEN received_at + interval '15 days' END,
             CASE WHEN status = 'referred' THEN 'สำนักงานจังหวัด' END
      FROM placed`,
      [total],
    );
    // Each case's timeline: its receipt, and the step that brought it where it stands.
    await db.query(`
      INSERT INTO case_events (case_id, at, action, from_status, to_status, public, actor_role)
      SELECT id, received_at, 'receive', NULL, 'received', true, CASE channel WHEN 'web' THEN 'citizen' ELSE 'centre' END FROM cases`);
    await db.query(`
      INSERT INTO case_events (case_id, at, action, from_status, to_status, public, actor_role, department_id)
      SELECT id, coalesce(last_closed_at, last_resolved_at, updated_at),
             ('${JSON.stringify(STEP_INTO)}'::jsonb) ->> status, 'received', status, true, 'officer', department_id
      FROM cases WHERE status <> 'received'`);
    // The acknowledgement each complainant with an email was sent.
    await db.query(`
      INSERT INTO notifications (case_id, template, recipient, locale, status, attempts, created_at, sent_at, event_id, dedupe_key)
      SELECT c.id, 'acknowledgement', p.email, 'th', 'sent', 1, e.at, e.at + interval '5 seconds', e.id,
             concat_ws('|', 'acknowledgement', c.id, e.id, '-', p.email)
      FROM cases c JOIN complainants p ON p.id = c.complainant_id JOIN case_events e ON e.case_id = c.id AND e.action = 'receive'
      WHERE p.email IS NOT NULL`);
    // One closed general case in six was rated, most of them 4 or 5.
    await db.query(`
      INSERT INTO case_feedback (case_id, rating, created_at)
      SELECT id, CASE WHEN random() < 0.82 THEN 4 + (random() < 0.5)::int ELSE 1 + floor(random() * 3)::int END, last_closed_at
      FROM cases WHERE kind = 'general' AND status = 'closed' AND sequence % 6 = 0`);
  });
}

/** A loaded case's complainant id, from its generator row: the same expression in both statements. */
const complainantId = (g: string) => `md5('bench-complainant-' || ${g})::uuid`;

/** The action that moved a case from received to each status. */
const STEP_INTO: Record<string, string> = {
  accepted: 'accept',
  assigned: 'assign',
  in_progress: 'start',
  resolved: 'resolve',
  closed: 'close',
  rejected: 'reject',
  referred: 'refer',
  withdrawn: 'withdraw',
  merged: 'merge',
};

/**
 * Rows written straight into the register, then everything kept from them
 * counted once. The status totals and the statistics' rollup are kept by
 * triggers, which would add each row to them in turn; they are off during
 * `insert` and everything is recounted after it (report_rebuild, the
 * status totals, the counters).
 */
export async function bulkLoad(db: DataSource, insert: () => Promise<void>): Promise<void> {
  const triggers: Array<[string, string]> = [
    ['cases', 'case_status_counts_insert'],
    ['cases', 'report_cases_insert'],
    ['cases', 'report_cases_flush'],
    ['case_feedback', 'report_feedback_track'],
    ['case_feedback', 'report_feedback_flush'],
  ];
  for (const [table, trigger] of triggers) await db.query(`ALTER TABLE ${table} DISABLE TRIGGER ${trigger}`);
  try {
    await insert();
  } finally {
    for (const [table, trigger] of triggers) await db.query(`ALTER TABLE ${table} ENABLE TRIGGER ${trigger}`);
  }
  await db.query(`SELECT report_rebuild()`);
  await db.query(`DELETE FROM case_status_counts`);
  await db.query(`
    INSERT INTO case_status_counts (kind, department_id, status, n)
    SELECT kind, coalesce(department_id, '00000000-0000-0000-0000-000000000000'), status, count(*)
    FROM cases GROUP BY 1, 2, 3`);
  // Keep the register's counters consistent with what was loaded.
  await db.query(`
    INSERT INTO reference_counters (kind, fiscal_year, last_value)
    SELECT kind, fiscal_year, max(sequence) FROM cases GROUP BY kind, fiscal_year
    ON CONFLICT (kind, fiscal_year) DO UPDATE SET last_value = EXCLUDED.last_value`);
  // What autovacuum would have done by now in a live system: visibility map and statistics.
  await db.query('VACUUM ANALYZE');
}
