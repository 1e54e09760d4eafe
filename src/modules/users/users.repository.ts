import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager } from 'typeorm';
import { Role, User } from './user.entity';

export type NewUser = Pick<User, 'email' | 'passwordHash' | 'displayName' | 'role' | 'departmentId'>;
export type UserChanges = Partial<
  Pick<User, 'displayName' | 'role' | 'departmentId' | 'active' | 'passwordHash' | 'failedLogins' | 'lockedUntil'>
>;
export type SessionUser = Pick<User, 'id' | 'email' | 'displayName' | 'role' | 'departmentId' | 'tokenVersion'>;
export interface UserFilter {
  role?: Role;
  departmentId?: string;
  active?: boolean;
}

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByEmail(email: string): Promise<User | null> {
    return this.db.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  /**
   * What every staff request checks against its token: one plain query, by
   * primary key, of the few columns a session needs (no password hash, no
   * TOTP secret), without the ORM's query building, which cost more CPU
   * than the query itself.
   */
  async findSessionUser(id: string): Promise<SessionUser | null> {
    const rows: SessionUser[] = await this.db.query(
      `SELECT id, email, display_name AS "displayName", role, department_id AS "departmentId", token_version AS "tokenVersion"
       FROM users WHERE id = $1 AND active`,
      [id],
    );
    return rows[0] ?? null;
  }

  findActiveById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id, active: true });
  }

  /** The administration's list, ordered by email; staff counts are in the dozens, so no paging. */
  list(filter: UserFilter): Promise<User[]> {
    const qb = this.db.getRepository(User).createQueryBuilder('u').orderBy('lower(u.email)', 'ASC');
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.departmentId) qb.andWhere('u.department_id = :departmentId', { departmentId: filter.departmentId });
    if (filter.active !== undefined) qb.andWhere('u.active = :active', { active: filter.active });
    return qb.getMany();
  }

  /** Active or not; null for an id that is not even shaped like a uuid, so that callers answer 404. */
  findById(id: string): Promise<User | null> {
    if (!isUUID(id, 'loose')) return Promise.resolve(null);
    return this.db.getRepository(User).findOneBy({ id });
  }

  /** The new user's id, or null when the email is taken in any letter case; the unique index on lower(email) decides. */
  async insertUnlessEmailTaken(row: NewUser): Promise<string | null> {
    const result = await this.db
      .createQueryBuilder()
      .insert()
      .into(User)
      .values(row)
      .orIgnore()
      .returning('id')
      .execute();
    return (result.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  /** `endSessions` raises the token version: every access token issued before stops working. */
  async update(id: string, changes: UserChanges, options: { endSessions?: boolean; manager?: EntityManager } = {}): Promise<void> {
    await (options.manager ?? this.db.manager)
      .createQueryBuilder()
      .update(User)
      // Undefined fields are skipped by TypeORM: a PATCH leaves what it does not mention.
      .set({
        ...changes,
        ...(options.endSessions ? { tokenVersion: () => 'token_version + 1' } : {}),
        updatedAt: () => 'now()',
      })
      .where('id = :id', { id })
      .execute();
  }
}
