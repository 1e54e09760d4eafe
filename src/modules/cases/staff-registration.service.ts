import { Injectable } from '@nestjs/common';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import type { StaffUser } from '../auth/staff-user';
import { ActiveCategories } from '../categories/active-categories';
import { CaseRegistrationService } from './case-registration.service';
import { caseScopeOf } from './case-scope';
import type { RegisterCaseDto, RegisteredCaseDto } from './dto/register-case.dto';

/** A phone call, a letter, a walk-in: the centre enters it into the same register as web filings. */
@Injectable()
export class StaffRegistrationService {
  constructor(
    private readonly categories: ActiveCategories,
    private readonly registration: CaseRegistrationService,
    private readonly clock: Clock,
  ) {}

  async register(user: StaffUser, dto: RegisterCaseDto): Promise<RegisteredCaseDto> {
    const now = this.clock.now();
    const scope = caseScopeOf(user);
    if (scope.kind !== 'all' || scope.caseKind !== dto.kind) {
      throw DomainError.field('kind', 'notYours', `Your role does not register ${dto.kind} cases`);
    }
    const receivedAt = new Date(dto.receivedAt);
    // A minute of grace for clocks that disagree; the deadline counts from this date.
    if (receivedAt.getTime() > now.getTime() + 60_000) {
      throw DomainError.field('receivedAt', 'future', 'receivedAt cannot be in the future');
    }
    if (dto.channel !== 'letter' && (dto.letterNo || dto.letterDate)) {
      const field = dto.letterNo ? 'letterNo' : 'letterDate';
      throw DomainError.field(field, 'notApplicable', `${field} is only for letters`);
    }
    if (dto.anonymous && dto.complainant) {
      throw DomainError.field('complainant', 'anonymous', 'An anonymous complaint has no complainant details');
    }
    if (!dto.anonymous && !dto.complainant) {
      throw DomainError.field('complainant', 'required', 'complainant is required unless anonymous is true');
    }
    const category = dto.categoryCode ? await this.categories.byCode(dto.categoryCode, dto.kind) : null;
    if (dto.categoryCode && !category) {
      throw DomainError.field('categoryCode', 'unknownCategory', 'categoryCode is not a known category of this kind');
    }
    const c = dto.complainant;
    const registered = await this.registration.register({
      kind: dto.kind,
      channel: dto.channel,
      receivedAt,
      subject: dto.subject,
      description: dto.description,
      categoryId: category?.id ?? null,
      location: dto.location ?? null,
      complainant: c
        ? { anonymous: false, name: c.name, email: c.email ?? null, phone: c.phone ?? null, address: c.address ?? null }
        : { anonymous: true },
      consentAt: dto.consent ? now : null,
      letter: dto.channel === 'letter' ? { number: dto.letterNo ?? null, date: dto.letterDate ?? null } : null,
      registeredBy: { id: user.id, role: user.role },
      locale: 'th',
    });
    return registered;
  }
}
