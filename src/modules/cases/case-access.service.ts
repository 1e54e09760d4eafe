import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../../common/errors/domain-error';
import type { StaffUser } from '../auth/staff-user';
import { Case } from './case.entity';
import { caseScopeOf, isUuid, scopeCondition } from './case-scope';

/** The one gate between a staff member and a case id. */
@Injectable()
export class CaseAccessService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /**
   * The case if this user may see it. Anything else, a malformed id, a case
   * that does not exist or one outside the scope, is the same 404, so that
   * ids cannot be confirmed by guessing. With `lock`, the row is locked
   * FOR UPDATE in the caller's transaction.
   */
  async findVisible(user: StaffUser, caseId: string, m?: EntityManager, lock = false): Promise<Case> {
    if (!isUuid(caseId)) throw DomainError.notFound('Case');
    const scope = scopeCondition(caseScopeOf(user));
    const qb = (m ?? this.db.manager)
      .getRepository(Case)
      .createQueryBuilder('c')
      .where('c.id = :caseId', { caseId })
      .andWhere(scope.sql, scope.params);
    if (lock) qb.setLock('pessimistic_write');
    const found = await qb.getOne();
    if (!found) throw DomainError.notFound('Case');
    return found;
  }
}
