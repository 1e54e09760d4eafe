import { Injectable } from '@nestjs/common';
import { DomainError, ErrorCode, FieldError } from '../../common/errors/domain-error';
import { Transactions } from '../../database/transactions';
import { OtpEnrolmentService } from '../auth/otp-enrolment.service';
import { hashPassword } from '../auth/password';
import type { StaffUser } from '../auth/staff-user';
import { AuditService } from '../audit/audit.service';
import { changedFields } from '../audit/audit.types';
import { DepartmentsService } from '../departments/departments.service';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { User } from './user.entity';
import { departmentRuleViolation, selfChangeViolation } from './user-rules';
import { UsersRepository } from './users.repository';

const DEPARTMENT_FIELD = 'departmentId';

@Injectable()
export class UsersService {
  constructor(
    private readonly users: UsersRepository,
    private readonly departments: DepartmentsService,
    private readonly audit: AuditService,
    private readonly otp: OtpEnrolmentService,
    private readonly transactions: Transactions,
  ) {}

  list(filter: ListUsersQueryDto): Promise<User[]> {
    return this.users.list({ role: filter.role, departmentId: filter.departmentId, active: filter.active });
  }

  async create(actor: StaffUser, dto: CreateUserDto): Promise<User> {
    const departmentId = dto.departmentId ?? null;
    rejectIf(departmentRuleViolation(dto.role, departmentId));
    if (departmentId) await this.departments.requireActive(departmentId, DEPARTMENT_FIELD);
    const id = await this.users.insertUnlessEmailTaken({
      email: dto.email,
      passwordHash: await hashPassword(dto.password),
      displayName: dto.displayName,
      role: dto.role,
      departmentId,
    });
    if (!id) throw new DomainError(ErrorCode.Conflict, `A user with the email ${dto.email} already exists`);
    await this.audit.record({
      action: 'user_create',
      actor: { id: actor.id, role: actor.role },
      subjectUserId: id,
      details: { role: dto.role, departmentId },
    });
    return this.get(id);
  }

  async update(actor: StaffUser, id: string, dto: UpdateUserDto): Promise<User> {
    const current = await this.get(id);
    rejectIf(selfChangeViolation(actor.id, current.id, dto));
    const role = dto.role ?? current.role;
    const departmentId = dto.departmentId !== undefined ? dto.departmentId : current.departmentId;
    rejectIf(departmentRuleViolation(role, departmentId));
    const reactivating = dto.active === true && !current.active;
    if (departmentId && (dto.departmentId !== undefined || reactivating)) {
      await this.departments.requireActive(departmentId, DEPARTMENT_FIELD);
    }
    const passwordHash = dto.password !== undefined ? await hashPassword(dto.password) : undefined;
    await this.transactions.run(async (tx) => {
      await this.users.update(
        id,
        {
          displayName: dto.displayName,
          role: dto.role,
          departmentId: dto.departmentId,
          active: dto.active,
          // A reset is how an administrator lets a locked-out colleague back in.
          ...(passwordHash ? { passwordHash, failedLogins: 0, lockedUntil: null } : {}),
        },
        // Whoever held the old password may hold a token too: a new password ends them all.
        { endSessions: passwordHash !== undefined, manager: tx.manager },
      );
      await this.audit.record(
        {
          action: 'user_update',
          actor: { id: actor.id, role: actor.role },
          subjectUserId: id,
          // Which fields changed, never the password itself.
          details: { fields: changedFields(dto) },
        },
        tx,
      );
    });
    return this.get(id);
  }

  /** A lost phone: the user sets up two-factor sign-in again at their next sign-in, and their tokens end now. */
  async resetSecondFactor(actor: StaffUser, id: string): Promise<User> {
    if (!(await this.users.findById(id)) || !(await this.otp.reset(actor, id))) throw DomainError.notFound('User');
    return this.get(id);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw DomainError.notFound('User');
    return user;
  }
}

function rejectIf(violation: FieldError | null): void {
  if (violation) throw DomainError.validation([violation]);
}
