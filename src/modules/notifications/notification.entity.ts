import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { Locale } from '../../common/time/thai-calendar';
import type { NotificationTemplate } from './templates';

export type NotificationStatus = 'pending' | 'sent' | 'failed';

/** The outbox row behind every email. */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

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
