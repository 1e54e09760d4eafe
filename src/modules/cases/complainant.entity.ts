import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity('complainants')
export class Complainant {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('boolean')
  anonymous!: boolean;

  /** The identity is sealed in the whistleblower vault (corruption cases); this row then holds none of it. */
  @Column('boolean')
  vaulted!: boolean;

  @Column('text', { nullable: true })
  name!: string | null;

  @Column('text', { nullable: true })
  email!: string | null;

  @Column('text', { nullable: true })
  phone!: string | null;

  @Column('text', { nullable: true })
  address!: string | null;
}
