import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CaseEvent } from './case-event.entity';
import { Case } from './case.entity';
import { Complainant } from './complainant.entity';

export type NewCaseRow = Omit<Case, 'id' | 'createdAt' | 'updatedAt'>;
export type NewEventRow = Omit<CaseEvent, 'id' | 'at'>;
export type PublicEvent = Pick<CaseEvent, 'at' | 'action' | 'toStatus' | 'message'>;

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

  async appendEvent(m: EntityManager, row: NewEventRow): Promise<void> {
    await m.insert(CaseEvent, row);
  }

  findByTrackingCode(trackingCode: string): Promise<Case | null> {
    return this.db.getRepository(Case).findOneBy({ trackingCode });
  }

  /** The part of the timeline a complainant may read, oldest first. */
  findPublicEvents(caseId: string): Promise<PublicEvent[]> {
    return this.db
      .getRepository(CaseEvent)
      .createQueryBuilder('e')
      .select(['e.at', 'e.action', 'e.toStatus', 'e.message'])
      .where('e.caseId = :caseId AND e.public', { caseId })
      .orderBy('e.at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .getMany();
  }
}
