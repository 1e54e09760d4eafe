import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { User } from './user.entity';

@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findByEmail(email: string): Promise<User | null> {
    return this.db.getRepository(User).createQueryBuilder('u').where('lower(u.email) = lower(:email)', { email }).getOne();
  }

  findActiveById(id: string): Promise<User | null> {
    return this.db.getRepository(User).findOneBy({ id, active: true });
  }

  /** Counts a failure and locks the account once `max` is reached; one statement, so parallel guesses cannot slip past. */
  async recordFailedLogin(id: string, max: number, lockMinutes: number): Promise<void> {
    await this.db.query(
      `UPDATE users SET failed_logins = failed_logins + 1,
              locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + make_interval(mins => $3) ELSE locked_until END,
              updated_at = now()
       WHERE id = $1`,
      [id, max, lockMinutes],
    );
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.db.query(`UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = $1`, [id]);
  }
}
