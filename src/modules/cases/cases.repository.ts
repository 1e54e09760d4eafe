import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { Complainant } from './complainant.entity';

type WorkflowFields = 'expectedAt' | 'explainedAt' | 'resolvedAt' | 'closedAt' | 'referredTo' | 'mergedIntoId';
type EventExtras = 'departmentId' | 'assigneeId' | 'expectedAt' | 'agency' | 'relatedCaseId';

export type NewCaseRow = Omit<Case, 'id' | 'createdAt' | 'updatedAt' | WorkflowFields>;
export type NewEventRow = Omit<CaseEvent, 'id' | 'at' | EventExtras> & Partial<Pick<CaseEvent, EventExtras>>;
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

@Injectable()
export class CasesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertComplainant(m: EntityManager, row: Omit<Complainant, 'id'>): Promise<string> {
    const result = await m.insert(Complainant, row);
    return result.identifiers[0].id as string;
  }

  async insertCase(m: EntityManager, row: NewCaseRow): Promise<string> {
    const result = await m.insert(Case, row);
    return result.identifiers[0].id as string;
  }

  async appendEvent(m: EntityManager, row: NewEventRow): Promise<string> {
    const result = await m.insert(CaseEvent, row);
    return String(result.identifiers[0].id);
  }

  findByTrackingCode(trackingCode: string): Promise<Case | null> {
    return this.db.getRepository(Case).findOneBy({ trackingCode });
  }

  /** Follows merges to the case that carries on; a duplicate's tracking code shows the surviving case. */
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
