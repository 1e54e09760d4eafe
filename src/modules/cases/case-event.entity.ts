import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseStatus } from './case.types';

/** One line of a case's timeline. Append-only (a trigger refuses updates and deletes). */
@Entity('case_events')
export class CaseEvent {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column({ type: 'timestamptz', insert: false, update: false })
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
}
