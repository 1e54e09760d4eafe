import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { changedFields } from '../audit/audit.types';
import type { StaffUser } from '../auth/staff-user';
import type { CaseKind } from '../cases';
import { DepartmentsService } from '../departments/departments.service';
import { ActiveCategories } from './active-categories';
import { CategoriesRepository } from './categories.repository';
import { Category } from './category.entity';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';

const DEPARTMENT_FIELD = 'defaultDepartmentId';

@Injectable()
export class CategoriesService {
  constructor(
    private readonly categories: CategoriesRepository,
    private readonly departments: DepartmentsService,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly active: ActiveCategories,
  ) {}

  /** Retired categories are administration's business; everyone else picks from the active ones. */
  list(user: StaffUser, options: { kind?: CaseKind; includeInactive?: boolean }): Promise<Category[]> {
    return this.categories.list({ kind: options.kind, includeInactive: Boolean(options.includeInactive) && user.role === 'admin' });
  }

  async create(actor: StaffUser, dto: CreateCategoryDto): Promise<Category> {
    const defaultDepartmentId = dto.defaultDepartmentId ?? null;
    await this.checkDefaultDepartment(dto.kind, defaultDepartmentId);
    const id = await this.transactions.run(async (tx) => {
      const created = await this.categories.insertUnlessCodeTaken(
        { code: dto.code, kind: dto.kind, nameTh: dto.nameTh, nameEn: dto.nameEn, defaultDepartmentId },
        tx.manager,
      );
      if (!created) throw new DomainError(ErrorCode.Conflict, `A category with the code "${dto.code}" already exists`);
      await this.audit.record({ action: 'category_create', actor: { id: actor.id, role: actor.role }, details: { categoryId: created, code: dto.code } }, tx);
      return created;
    });
    this.active.forget();
    return this.get(id);
  }

  async update(actor: StaffUser, id: string, dto: UpdateCategoryDto): Promise<Category> {
    const current = await this.get(id);
    if (dto.defaultDepartmentId !== undefined) {
      await this.checkDefaultDepartment(current.kind, dto.defaultDepartmentId);
    } else if (dto.active === true && !current.active && current.defaultDepartmentId) {
      // Coming back into use: its default must still be a place that takes cases.
      await this.departments.requireActive(current.defaultDepartmentId, DEPARTMENT_FIELD);
    }
    await this.transactions.run(async (tx) => {
      await this.categories.update(
        id,
        { nameTh: dto.nameTh, nameEn: dto.nameEn, defaultDepartmentId: dto.defaultDepartmentId, active: dto.active },
        tx.manager,
      );
      await this.audit.record({ action: 'category_update', actor: { id: actor.id, role: actor.role }, details: { categoryId: id, fields: changedFields(dto) } }, tx);
    });
    this.active.forget();
    return this.get(id);
  }

  /** Corruption cases go to the integrity officer alone, never to a department's queue. */
  private async checkDefaultDepartment(kind: CaseKind, departmentId: string | null): Promise<void> {
    if (departmentId === null) return;
    if (kind === 'corruption') {
      throw DomainError.validation([
        {
          field: DEPARTMENT_FIELD,
          code: 'notForCorruption',
          message: `${DEPARTMENT_FIELD} must be empty for a corruption category: those cases go to the integrity officer`,
        },
      ]);
    }
    await this.departments.requireActive(departmentId, DEPARTMENT_FIELD);
  }

  async get(id: string): Promise<Category> {
    const category = await this.categories.findById(id);
    if (!category) throw DomainError.notFound('Category');
    return category;
  }
}
