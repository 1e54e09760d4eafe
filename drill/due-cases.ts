import { filingBody, send } from './load';
import { DrillStack } from './stack';

/**
 * Files `count` complaints through the running server, then moves their due
 * dates, in the drill's own database, to moments spread between `from` and
 * `to`: they fall due while the drill runs. The server sets their timers
 * when its reconciler next runs (every start does). Whole milliseconds, as
 * every due date the application writes: JavaScript dates have no finer grain.
 */
export async function casesFallingDue(stack: DrillStack, count: number, from: Date, to: Date): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) {
    const res = await send(stack.baseUrl, 'POST', '/api/v1/complaints', filingBody('due').body);
    if (res.status !== 201) throw new Error(`setting up a case falling due: ${res.status} ${res.body}`);
    codes.push((JSON.parse(res.body) as { trackingCode: string }).trackingCode);
  }
  const span = to.getTime() - from.getTime();
  const { rows } = await stack.db.query(
    `UPDATE cases c SET due_at = date_trunc('milliseconds', $2::timestamptz + (s.i * $3::double precision / greatest($4 - 1, 1)) * interval '1 millisecond')
     FROM (SELECT tracking_code, row_number() OVER (ORDER BY tracking_code) - 1 AS i FROM cases WHERE tracking_code = ANY($1)) s
     WHERE c.tracking_code = s.tracking_code RETURNING c.id`,
    [codes, from, span, count],
  );
  return rows.map((r: { id: string }) => r.id);
}
