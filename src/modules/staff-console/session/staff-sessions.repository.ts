import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Role } from '../../users/user.entity';

export interface SessionOwner {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  lastSeenAt: Date;
}

/** Every query on staff_sessions. Sessions are found by the hash of their token, never by the token. */
@Injectable()
export class StaffSessionsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insert(row: { tokenHash: Buffer; userId: string; now: Date; expiresAt: Date }): Promise<void> {
    await this.db.query(
      `INSERT INTO staff_sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $3, $4)`,
      [row.tokenHash, row.userId, row.now, row.expiresAt],
    );
  }

  /** The session's active owner, while the session is neither idle since `idleSince` nor past its end. */
  async findLive(tokenHash: Buffer, now: Date, idleSince: Date): Promise<SessionOwner | null> {
    const rows: SessionOwner[] = await this.db.query(
      `SELECT u.id, u.email, u.display_name AS "displayName", u.role, u.department_id AS "departmentId",
              s.last_seen_at AS "lastSeenAt"
         FROM staff_sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND u.active AND s.expires_at > $2 AND s.last_seen_at > $3`,
      [tokenHash, now, idleSince],
    );
    return rows[0] ?? null;
  }

  async touch(tokenHash: Buffer, now: Date): Promise<void> {
    await this.db.query(`UPDATE staff_sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at < $2`, [tokenHash, now]);
  }

  async delete(tokenHash: Buffer): Promise<void> {
    await this.db.query(`DELETE FROM staff_sessions WHERE token_hash = $1`, [tokenHash]);
  }

  /** Sessions that can no longer be used; the table stays the size of the staff signed in today. */
  async deleteEnded(now: Date, idleSince: Date): Promise<void> {
    await this.db.query(`DELETE FROM staff_sessions WHERE expires_at <= $1 OR last_seen_at <= $2`, [now, idleSince]);
  }
}
