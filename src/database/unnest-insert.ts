/** A column of a batched insert: its name, its Postgres type, and how a row gives its value. */
export type UnnestColumn<R> = readonly [column: string, type: string, value: (row: R) => unknown];

/**
 * `INSERT … SELECT … FROM unnest(…)`: any number of rows in one statement
 * whose text does not depend on their count (one array parameter per
 * column), inserted in the rows' order, so that `RETURNING` answers in it.
 * The caller appends `ON CONFLICT` and `RETURNING` as it needs.
 */
export function unnestInsert<R>(table: string, columns: ReadonlyArray<UnnestColumn<R>>, rows: readonly R[]): { sql: string; params: unknown[][] } {
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  return {
    sql: `INSERT INTO ${table} (${names}) SELECT ${names} FROM unnest(${arrays}) WITH ORDINALITY AS r(${names}, ord) ORDER BY ord`,
    params: columns.map(([, , value]) => rows.map(value)),
  };
}
