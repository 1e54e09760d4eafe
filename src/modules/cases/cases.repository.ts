import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import type { CaseSnapshot } from './case-changes';
import { Complainant } from './complainant.entity';
import { generateTrackingCode } from './tracking-code';

type WorkflowFields = 'expectedAt' | 'explainedAt' | 'resolvedAt' | 'closedAt' | 'referredTo' | 'mergedIntoId';
type FactFields = 'overdueAt' | 'firstResponseAt' | 'firstResolvedAt' | 'lastResolvedAt' | 'firstClosedAt' | 'lastClosedAt';
type EventExtras = 'departmentId' | 'assigneeId' | 'expectedAt' | 'agency' | 'relatedCaseId' | 'outcome';

/** A case before its number, which it gets when its transaction commits: see ReferenceCounterRepository. */
export type NewCaseRow = Omit<Case, 'id' | 'createdAt' | 'updatedAt' | 'trackingCode' | 'sequence' | 'referenceNo' | WorkflowFields | FactFields>;
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

const MAX_MERGE_HOPS = 5;
const TRACKING_CODE_ATTEMPTS = 3;

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertComplainant(m: EntityManager, row: Omit<Complainant, 'id'>): Promise<string> {
    const result = await m.insert(Complainant, row);
    return result.identifiers[0].id as string;
  }

  /**
   * General cases get a fresh random tracking code. Two codes colliding is
   * astronomically rare, but it must not cost the citizen their complaint
   * (nor abort the transaction): the insert skips a taken code and tries
   * another.
   */
  async insertCase(m: EntityManager, row: NewCaseRow): Promise<{ id: string; trackingCode: string | null }> {
    for (let attempt = 1; attempt <= TRACKING_CODE_ATTEMPTS; attempt++) {
      const trackingCode = row.kind === 'general' ? generateTrackingCode() : null;
      const result = await m
        .createQueryBuilder()
        .insert()
        .into(Case)
        .values({ ...row, trackingCode })
        .onConflict('(tracking_code) DO NOTHING')
        .returning('id')
        .execute();
      const id = (result.raw as Array<{ id: string }>)[0]?.id;
      if (id) return { id, trackingCode };
    }
    throw new Error('no free tracking code after several attempts');
  }

  async appendEvent(m: EntityManager, row: NewEventRow): Promise<string> {
    const result = await m.insert(CaseEvent, row);
    return String(result.identifiers[0].id);
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
