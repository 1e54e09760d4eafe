import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { v7 as timeOrderedUuid } from 'uuid';
import { UnnestColumn, unnestInsert } from '../../database/unnest-insert';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import type { CaseSnapshot } from './case-changes';
import { Complainant } from './complainant.entity';
import { generateTrackingCode } from './tracking-code';

type WorkflowFields = 'expectedAt' | 'explainedAt' | 'resolvedAt' | 'closedAt' | 'referredTo' | 'mergedIntoId';
type FactFields = 'overdueAt' | 'firstResponseAt' | 'firstResolvedAt' | 'lastResolvedAt' | 'firstClosedAt' | 'lastClosedAt';
type EventExtras = 'departmentId' | 'assigneeId' | 'expectedAt' | 'agency' | 'relatedCaseId' | 'outcome';

export type NewCaseRow = Omit<Case, 'createdAt' | 'updatedAt' | WorkflowFields | FactFields>;
export type NewEventRow = Omit<CaseEvent, 'id' | EventExtras> & Partial<Pick<CaseEvent, EventExtras>>;

const SNAPSHOT_COLUMNS = `id, kind, channel, status, reference_no AS "referenceNo", received_at AS "receivedAt", due_at AS "dueAt",
  department_id AS "departmentId", assignee_id AS "assigneeId", category_id AS "categoryId",
  complainant_id AS "complainantId", locale, expected_at AS "expectedAt", merged_into_id AS "mergedIntoId"`;
export interface PublicEvent {
  at: Date;
  action: string;
  toStatus: CaseEvent['toStatus'];
  message: string | null;
  expectedAt: Date | null;
  agency: string | null;
  /** The division's name; an officer's name is never part of the public view. */
  department: { name: string; nameEn: string } | null;
}

const COMPLAINANT_COLUMNS: ReadonlyArray<UnnestColumn<Complainant>> = [
  ['id', 'uuid', (r) => r.id],
  ['anonymous', 'boolean', (r) => r.anonymous],
  ['vaulted', 'boolean', (r) => r.vaulted],
  ['name', 'text', (r) => r.name],
  ['email', 'text', (r) => r.email],
  ['phone', 'text', (r) => r.phone],
  ['address', 'text', (r) => r.address],
];

const CASE_COLUMNS: ReadonlyArray<UnnestColumn<NewCaseRow>> = [
  ['id', 'uuid', (r) => r.id],
  ['tracking_code', 'text', (r) => r.trackingCode],
  ['kind', 'text', (r) => r.kind],
  ['channel', 'text', (r) => r.channel],
  ['status', 'text', (r) => r.status],
  ['fiscal_year', 'integer', (r) => r.fiscalYear],
  ['sequence', 'integer', (r) => r.sequence],
  ['reference_no', 'text', (r) => r.referenceNo],
  ['subject', 'text', (r) => r.subject],
  ['description', 'text', (r) => r.description],
  ['category_id', 'uuid', (r) => r.categoryId],
  ['location', 'text', (r) => r.location],
  ['complainant_id', 'uuid', (r) => r.complainantId],
  ['department_id', 'uuid', (r) => r.departmentId],
  ['assignee_id', 'uuid', (r) => r.assigneeId],
  ['registered_by', 'uuid', (r) => r.registeredBy],
  ['letter_no', 'text', (r) => r.letterNo],
  ['letter_date', 'date', (r) => r.letterDate],
  ['consent_at', 'timestamptz', (r) => r.consentAt],
  ['received_at', 'timestamptz', (r) => r.receivedAt],
  ['due_at', 'timestamptz', (r) => r.dueAt],
  ['locale', 'text', (r) => r.locale],
];

const EVENT_COLUMNS: ReadonlyArray<UnnestColumn<NewEventRow>> = [
  ['case_id', 'uuid', (r) => r.caseId],
  ['at', 'timestamptz', (r) => r.at],
  ['action', 'text', (r) => r.action],
  ['from_status', 'text', (r) => r.fromStatus],
  ['to_status', 'text', (r) => r.toStatus],
  ['public', 'boolean', (r) => r.public],
  ['message', 'text', (r) => r.message],
  ['actor_id', 'uuid', (r) => r.actorId],
  ['actor_role', 'text', (r) => r.actorRole],
  ['department_id', 'uuid', (r) => r.departmentId ?? null],
  ['assignee_id', 'uuid', (r) => r.assigneeId ?? null],
  ['expected_at', 'timestamptz', (r) => r.expectedAt ?? null],
  ['agency', 'text', (r) => r.agency ?? null],
  ['outcome', 'text', (r) => r.outcome ?? null],
  ['related_case_id', 'uuid', (r) => r.relatedCaseId ?? null],
];

const MAX_MERGE_HOPS = 5;
const TRACKING_CODE_ATTEMPTS = 3;

@Injectable()
export class CasesRepository {
  /** Where new tracking codes come from; a test makes two collide through it. */
  nextTrackingCode: () => string = generateTrackingCode;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * Ids for new rows, time-ordered (UUIDv7): the new rows of a large
   * register then go to the same few leaf pages of the primary key, not to
   * a random page of it each (an index page read from disk, then written).
   */
  newIds(count: number): string[] {
    return Array.from({ length: count }, () => timeOrderedUuid());
  }

  /** Ids in the rows' order. */
  async insertComplainants(m: EntityManager, rows: ReadonlyArray<Omit<Complainant, 'id'>>): Promise<string[]> {
    const ids = this.newIds(rows.length);
    const { sql, params } = unnestInsert('complainants', COMPLAINANT_COLUMNS, rows.map((row, i) => ({ ...row, id: ids[i] })));
    await m.query(sql, params);
    return ids;
  }

  /**
   * Writes new cases, each with its number; general cases get a fresh
   * random tracking code here (corruption cases none). Two codes colliding
   * is astronomically rare, but it must not cost a citizen their complaint
   * nor leave a hole in the numbers: the insert skips a row whose code is
   * taken, and that row goes again with another code, under the same id and
   * number. Tracking codes in the rows' order.
   */
  async insertCases(m: EntityManager, rows: ReadonlyArray<Omit<NewCaseRow, 'trackingCode'>>): Promise<Array<string | null>> {
    const codes = rows.map((row) => (row.kind === 'general' ? this.nextTrackingCode() : null));
    let left = rows.map((_, i) => i);
    for (let attempt = 1; left.length > 0; attempt++) {
      if (attempt > TRACKING_CODE_ATTEMPTS) throw new Error('no free tracking code after several attempts');
      if (attempt > 1) for (const i of left) codes[i] = this.nextTrackingCode();
      const { sql, params } = unnestInsert(
        'cases',
        CASE_COLUMNS,
        left.map((i) => ({ ...rows[i], trackingCode: codes[i] })),
      );
      const inserted: Array<{ id: string }> = await m.query(`${sql} ON CONFLICT (tracking_code) DO NOTHING RETURNING id`, params);
      const done = new Set(inserted.map((r) => r.id));
      left = left.filter((i) => !done.has(rows[i].id));
    }
    return codes;
  }

  /** Ids in the rows' order. */
  async appendEvents(m: EntityManager, rows: readonly NewEventRow[]): Promise<string[]> {
    const { sql, params } = unnestInsert('case_events', EVENT_COLUMNS, rows);
    const inserted: Array<{ id: string }> = await m.query(`${sql} RETURNING id`, params);
    return inserted.map((r) => String(r.id));
  }

  /** The case as subscribers see it; `lock` takes the row for the rest of the transaction. */
  async snapshot(m: EntityManager, caseId: string, lock = false): Promise<CaseSnapshot> {
    const rows: CaseSnapshot[] = await m.query(
      `SELECT ${SNAPSHOT_COLUMNS} FROM cases WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [caseId],
    );
    if (!rows[0]) throw new Error(`case ${caseId} vanished`);
    return rows[0];
  }

  findByTrackingCode(trackingCode: string): Promise<Case | null> {
    return this.db.getRepository(Case).findOneBy({ trackingCode });
  }

  /** Follows merges to the case that carries on. */
  async resolveMerged(c: Case): Promise<Case> {
    let current = c;
    for (let hop = 0; hop < MAX_MERGE_HOPS && current.mergedIntoId; hop++) {
      const next = await this.db.getRepository(Case).findOneBy({ id: current.mergedIntoId });
      if (!next) break;
      current = next;
    }
    return current;
  }

  /** The part of the timeline a complainant may read, oldest first. */
  async findPublicEvents(caseId: string): Promise<PublicEvent[]> {
    const rows: Array<Omit<PublicEvent, 'department'> & { departmentName: string | null; departmentNameEn: string | null }> =
      await this.db.query(
        `SELECT e.at, e.action, e.to_status AS "toStatus", e.message, e.expected_at AS "expectedAt", e.agency,
                d.name_th AS "departmentName", d.name_en AS "departmentNameEn"
         FROM case_events e LEFT JOIN departments d ON d.id = e.department_id
         WHERE e.case_id = $1 AND e.public
         ORDER BY e.at, e.id`,
        [caseId],
      );
    return rows.map(({ departmentName, departmentNameEn, ...e }) => ({
      ...e,
      department: departmentName ? { name: departmentName, nameEn: departmentNameEn as string } : null,
    }));
  }
}
