import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { CaseKind } from '../cases';

@Entity('categories')
export class Category {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  kind!: CaseKind;

  @Column('text', { name: 'name_th' })
  nameTh!: string;

  @Column('text', { name: 'name_en' })
  nameEn!: string;

  /** Where the centre routes such a complaint unless it decides otherwise. */
  @Column('uuid', { name: 'default_department_id', nullable: true })
  defaultDepartmentId!: string | null;

  @Column('boolean')
  active!: boolean;

  @Column({ type: 'timestamptz', name: 'created_at', insert: false, update: false })
  createdAt!: Date;

  @Column({ type: 'timestamptz', name: 'updated_at', insert: false })
  updatedAt!: Date;
}
