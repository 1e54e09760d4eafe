import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../../common/time/thai-calendar';
import type { NotificationTemplate } from './templates/catalogue';

export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'cancelled';

/** The outbox row behind every email. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** The order notices were made in; a notice waits for earlier ones of its case to the same person. */
  @Column({ type: 'bigint', insert: false, update: false })
  seq!: string;

  @Column('text', { name: 'dedupe_key' })
  dedupeKey!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  /** The timeline event a case update announces. */
  @Column('bigint', { name: 'event_id', nullable: true })
  eventId!: string | null;

  /** The staff member an assignment notice is for. */
  @Column('uuid', { name: 'user_id', nullable: true })
  userId!: string | null;

  @Column('text')
  template!: NotificationTemplate;

  @Column('text')
  recipient!: string;

  @Column('text')
  locale!: Locale;

  @Column('text')
  status!: NotificationStatus;

  @Column('integer')
  attempts!: number;

  @Column('text', { name: 'last_error', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column('timestamptz', { name: 'sent_at', nullable: true })
  sentAt!: Date | null;
}
