import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus } from './case.types';

/** One line of a case's timeline. Append-only (a trigger refuses updates and deletes). */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  /** From the injectable clock, so that tests which move time get a timeline that agrees. */
  @Column({ type: 'timestamptz', update: false })
  at!: Date;

  @Column('text')
  action!: string;

  @Column('text', { name: 'from_status', nullable: true })
  fromStatus!: CaseStatus | null;

  @Column('text', { name: 'to_status', nullable: true })
  toStatus!: CaseStatus | null;

  @Column('boolean')
  public!: boolean;

  @Column('text', { nullable: true })
  message!: string | null;

  @Column('uuid', { name: 'actor_id', nullable: true })
  actorId!: string | null;

  @Column('text', { name: 'actor_role' })
  actorRole!: string;

  @Column('uuid', { name: 'department_id', nullable: true })
  departmentId!: string | null;

  @Column('uuid', { name: 'assignee_id', nullable: true })
  assigneeId!: string | null;

  @Column('timestamptz', { name: 'expected_at', nullable: true })
  expectedAt!: Date | null;

  @Column('text', { nullable: true })
  agency!: string | null;

  /** `conclude`: how a corruption case's fact-finding ended. */
  @Column('text', { nullable: true })
  outcome!: string | null;

  @Column('uuid', { name: 'related_case_id', nullable: true })
  relatedCaseId!: string | null;
}
