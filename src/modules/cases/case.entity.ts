import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseKind, CaseStatus, Channel, Locale } from './case.types';

@Entity('cases')
export class Case {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  kind!: CaseKind;

  @Column('text')
  channel!: Channel;

  @Column('text')
  status!: CaseStatus;

  @Column('integer', { name: 'fiscal_year' })
  fiscalYear!: number;

  @Column('integer')
  sequence!: number;

  @Column('text', { name: 'reference_no' })
  referenceNo!: string;

  @Column('text', { name: 'tracking_code', nullable: true })
  trackingCode!: string | null;

  @Column('text')
  subject!: string;

  @Column('text')
  description!: string;

  @Column('uuid', { name: 'category_id', nullable: true })
  categoryId!: string | null;

  @Column('text', { nullable: true })
  location!: string | null;

  @Column('uuid', { name: 'complainant_id', nullable: true })
  complainantId!: string | null;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('uuid', { name: 'registered_by', nullable: true })
  registeredBy!: string | null;

  @Column('text', { name: 'letter_no', nullable: true })
  letterNo!: string | null;

  @Column('date', { name: 'letter_date', nullable: true })
  letterDate!: string | null;

  @Column('timestamptz', { name: 'consent_at', nullable: true })
  consentAt!: Date | null;

  @Column('timestamptz', { name: 'received_at' })
  receivedAt!: Date;

  @Column('timestamptz', { name: 'due_at' })
  dueAt!: Date;

  /** The new date promised in the latest explanation (the 15-day rule's "explain"). */
  @Column('timestamptz', { name: 'expected_at', nullable: true })
  expectedAt!: Date | null;

  @Column('timestamptz', { name: 'explained_at', nullable: true })
  explainedAt!: Date | null;

  @Column('timestamptz', { name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;

  @Column('text', { name: 'referred_to', nullable: true })
  referredTo!: string | null;

  @Column('uuid', { name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  /** The complainant's language: their mails come in it first. */
  @Column('text')
  locale!: Locale;

  // Facts the statistics count, stored when they happen (CaseFactsSubscriber), never recomputed.
  /** When the case first became overdue (its due date, if still open then); kept after it is resolved. */
  @Column('timestamptz', { name: 'overdue_at', nullable: true })
  overdueAt!: Date | null;

  /** The first public answer of staff: an acceptance, an update, an explanation, an outcome. */
  @Column('timestamptz', { name: 'first_response_at', nullable: true })
  firstResponseAt!: Date | null;

  @Column('timestamptz', { name: 'first_resolved_at', nullable: true })
  firstResolvedAt!: Date | null;

  @Column('timestamptz', { name: 'last_resolved_at', nullable: true })
  lastResolvedAt!: Date | null;

  @Column('timestamptz', { name: 'first_closed_at', nullable: true })
  firstClosedAt!: Date | null;

  @Column('timestamptz', { name: 'last_closed_at', nullable: true })
  lastClosedAt!: Date | null;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
