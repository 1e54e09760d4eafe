import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { Clock } from '../../../common/time/clock';
import type { StaffUser } from '../../auth/staff-user';
import { StaffSessionsRepository } from './staff-sessions.repository';

/** Signed out after this long without a request: an office PC left unlocked over lunch. */
export const SESSION_IDLE_MINUTES = 30;
/** Signed out after a working day, however active. */
export const SESSION_MAX_HOURS = 12;
/** last_seen_at is written at most this often: a page load is not a database write. */
const TOUCH_EVERY_MS = 60_000;

const MINUTE = 60_000;

/**
 * The staff console's sessions: a random token in the cookie, its hash in
 * Postgres. Revoked by deleting the row (sign-out); an account that is
 * deactivated or whose password or second factor is reset loses them all
 * in the database itself (see the staff_sessions migration).
 */
@Injectable()
export class StaffSessionsService {
  constructor(
    private readonly sessions: StaffSessionsRepository,
    private readonly clock: Clock,
  ) {}

  /** A new session for a user who has just signed in; returns the token for the cookie. */
  async start(userId: string): Promise<string> {
    const now = this.clock.now();
    const token = randomBytes(32).toString('base64url');
    await this.sessions.deleteEnded(now, this.idleSince(now));
    await this.sessions.insert({ tokenHash: hashOf(token), userId, now, expiresAt: new Date(now.getTime() + SESSION_MAX_HOURS * 60 * MINUTE) });
    return token;
  }

  /** The staff member the token belongs to, as they are now; null for an unknown, idle, ended or revoked session. */
  async resolve(token: string | undefined): Promise<StaffUser | null> {
    if (!token) return null;
    const now = this.clock.now();
    const hash = hashOf(token);
    const owner = await this.sessions.findLive(hash, now, this.idleSince(now));
    if (!owner) return null;
    if (now.getTime() - owner.lastSeenAt.getTime() >= TOUCH_EVERY_MS) await this.sessions.touch(hash, now);
    const { lastSeenAt: _seen, ...staff } = owner;
    return staff;
  }

  async end(token: string | undefined): Promise<void> {
    if (token) await this.sessions.delete(hashOf(token));
  }

  private idleSince(now: Date): Date {
    return new Date(now.getTime() - SESSION_IDLE_MINUTES * MINUTE);
  }
}

function hashOf(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
