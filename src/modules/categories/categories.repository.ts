import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { CaseKind } from '../cases/case.types';
import { Category } from './category.entity';

@Injectable()
export class CategoriesRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  findActiveByCode(code: string, kind: CaseKind): Promise<Category | null> {
    return this.db.getRepository(Category).findOneBy({ code, kind, active: true });
  }

  listActive(kind: CaseKind): Promise<Category[]> {
    return this.db.getRepository(Category).find({ where: { kind, active: true }, order: { nameTh: 'ASC' } });
  }
}
