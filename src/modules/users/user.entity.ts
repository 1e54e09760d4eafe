import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const ROLES = ['admin', 'center', 'officer', 'head', 'integrity', 'executive'] as const;
export type Role = (typeof ROLES)[number];

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  email!: string;

  @Column('text', { name: 'password_hash' })
  passwordHash!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  role!: Role;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column('integer', { name: 'failed_logins' })
  failedLogins!: number;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;

  /** Every access token carries it; raising it ends every token issued before. */
  @Column('integer', { name: 'token_version' })
  tokenVersion!: number;

  /** Encrypted TOTP secret (see auth/otp/secret-cipher.ts); null until enrolment is confirmed. */
  @Column('text', { name: 'otp_secret', nullable: true })
  otpSecret!: string | null;

  @Column('timestamptz', { name: 'otp_enrolled_at', nullable: true })
  otpEnrolledAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
