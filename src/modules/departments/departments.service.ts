import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import { changedFields } from '../audit/audit.types';
import type { StaffUser } from '../auth/staff-user';
import { Department } from './department.entity';
import { DepartmentsRepository, DepartmentStaff } from './departments.repository';
import { CreateDepartmentDto, UpdateDepartmentDto } from './dto/department.dto';

@Injectable()
export class DepartmentsService {
  constructor(
    private readonly departments: DepartmentsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Retired departments are administration's business; everyone else picks from the active ones. */
  list(user: StaffUser, includeInactive = false): Promise<Department[]> {
    return this.departments.list({ includeInactive: includeInactive && user.role === 'admin' });
  }

  async create(actor: StaffUser, dto: CreateDepartmentDto): Promise<Department> {
    const id = await this.transactions.run(async (tx) => {
      const created = await this.departments.insertUnlessCodeTaken({ code: dto.code, nameTh: dto.nameTh, nameEn: dto.nameEn }, tx.manager);
      if (!created) throw new DomainError(ErrorCode.Conflict, `A department with the code "${dto.code}" already exists`);
      await this.audit.record({ action: 'department_create', actor: { id: actor.id, role: actor.role }, details: { departmentId: created, code: dto.code } }, tx);
      return created;
    });
    return this.get(id);
  }

  async update(actor: StaffUser, id: string, dto: UpdateDepartmentDto): Promise<Department> {
    const current = await this.get(id);
    if (dto.active === false && current.active) {
      // Retiring a department that people still work in, or that categories
      // still route to, would strand them; they have to move first.
      const refs = await this.departments.countActiveReferences(id);
      if (refs.users > 0 || refs.categories > 0) {
        throw new DomainError(
          ErrorCode.Conflict,
          `${refs.users} active users and ${refs.categories} active categories still refer to this department; move or deactivate them first`,
        );
      }
    }
    await this.transactions.run(async (tx) => {
      await this.departments.update(id, { nameTh: dto.nameTh, nameEn: dto.nameEn, active: dto.active }, tx.manager);
      await this.audit.record({ action: 'department_update', actor: { id: actor.id, role: actor.role }, details: { departmentId: id, fields: changedFields(dto) } }, tx);
    });
    return this.get(id);
  }

  /**
   * Who a case can be given to in a department: for the centre, and for
   * that department's own head; anyone else gets the same 404 as for a
   * department that does not exist.
   */
  async assignableStaff(user: StaffUser, departmentId: string): Promise<DepartmentStaff[]> {
    const department = await this.departments.findById(departmentId);
    const mayList = user.role === 'center' || (user.role === 'head' && user.departmentId === departmentId);
    if (!department || !department.active || !mayList) throw DomainError.notFound('Department');
    return this.departments.listAssignableStaff(department.id);
  }

  /** For other modules: a department that a user or category is about to point at. */
  async requireActive(id: string, field: string): Promise<Department> {
    const department = await this.departments.findById(id);
    if (!department || !department.active) {
      throw DomainError.validation([
        { field, code: 'unknownDepartment', message: `${field} must be an active department` },
      ]);
    }
    return department;
  }

  async get(id: string): Promise<Department> {
    const department = await this.departments.findById(id);
    if (!department) throw DomainError.notFound('Department');
    return department;
  }
}
