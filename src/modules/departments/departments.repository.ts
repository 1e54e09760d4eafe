import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import type { Role } from '../users/user.entity';
import { DEPARTMENT_ROLES } from '../users/user-rules';
import { Department } from './department.entity';

export type NewDepartment = Pick<Department, 'code' | 'nameTh' | 'nameEn'>;
export interface DepartmentStaff {
  id: string;
  displayName: string;
  email: string;
  role: Role;
}
export type DepartmentChanges = Partial<Pick<Department, 'nameTh' | 'nameEn' | 'active'>>;

@Injectable()
export class DepartmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  list(options: { includeInactive: boolean }): Promise<Department[]> {
    const qb = this.db.getRepository(Department).createQueryBuilder('d').orderBy('d.code', 'ASC');
    if (!options.includeInactive) qb.where('d.active');
    return qb.getMany();
  }

  /** The active officers and head of a department: the people a case of theirs can be assigned to. */
  listAssignableStaff(departmentId: string): Promise<DepartmentStaff[]> {
    return this.db.query(
      `SELECT id, display_name AS "displayName", email, role FROM users
       WHERE department_id = $1 AND active AND role = ANY($2::text[]) ORDER BY role DESC, display_name, email`,
      [departmentId, [...DEPARTMENT_ROLES]],
    );
  }

  /** Null for an id that is not even shaped like a uuid, so that callers answer 404 rather than a cast error. */
  findById(id: string): Promise<Department | null> {
    if (!isUUID(id, 'loose')) return Promise.resolve(null);
    return this.db.getRepository(Department).findOneBy({ id });
  }

  /** The new department's id, or null when the code is taken; the unique index decides, so two parallel creations cannot both win. */
  async insertUnlessCodeTaken(row: NewDepartment, m: EntityManager = this.db.manager): Promise<string | null> {
    const result = await m
      .createQueryBuilder()
      .insert()
      .into(Department)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  async update(id: string, changes: DepartmentChanges, m: EntityManager = this.db.manager): Promise<void> {
    await m
      .createQueryBuilder()
      .update(Department)
      // Undefined fields are skipped by TypeORM: a PATCH leaves what it does not mention.
      .set({ ...changes, updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /** Active users and active categories that still point at the department. */
  async countActiveReferences(id: string): Promise<{ users: number; categories: number }> {
    const [row] = await this.db.query(
      `SELECT (SELECT count(*)::int FROM users WHERE department_id = $1 AND active) AS users,
              (SELECT count(*)::int FROM categories WHERE default_department_id = $1 AND active) AS categories`,
      [id],
    );
    return row;
  }
}

