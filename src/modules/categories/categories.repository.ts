import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseKind } from '../cases';
import { Category } from './category.entity';

export type NewCategory = Pick<Category, 'code' | 'kind' | 'nameTh' | 'nameEn' | 'defaultDepartmentId'>;
export type CategoryChanges = Partial<Pick<Category, 'nameTh' | 'nameEn' | 'defaultDepartmentId' | 'active'>>;

@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Of both kinds, by Thai name: what `ActiveCategories` holds. */
  listActive(): Promise<Category[]> {
    return this.db.getRepository(Category).find({ where: { active: true }, order: { nameTh: 'ASC' } });
  }

  /** The administration's view: both kinds unless one is asked for, retired ones on request. */
  list(options: { kind?: CaseKind; includeInactive: boolean }): Promise<Category[]> {
    const qb = this.db.getRepository(Category).createQueryBuilder('c').orderBy('c.kind', 'ASC').addOrderBy('c.code', 'ASC');
    if (options.kind) qb.andWhere('c.kind = :kind', { kind: options.kind });
    if (!options.includeInactive) qb.andWhere('c.active');
    return qb.getMany();
  }

  /** Null for an id that is not even shaped like a uuid, so that callers answer 404 rather than a cast error. */
  findById(id: string): Promise<Category | null> {
    if (!isUUID(id, 'loose')) return Promise.resolve(null);
    return this.db.getRepository(Category).findOneBy({ id });
  }

  /** The new category's id, or null when the code is taken; the unique index decides, so two parallel creations cannot both win. */
  async insertUnlessCodeTaken(row: NewCategory, m: EntityManager = this.db.manager): Promise<string | null> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Category)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async update(id: string, changes: CategoryChanges, m: EntityManager = this.db.manager): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Category)
      // Undefined fields are skipped by TypeORM: a PATCH leaves what it does not mention.
      .set({ ...changes, updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }
}
