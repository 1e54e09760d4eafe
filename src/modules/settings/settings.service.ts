import { Inject, Injectable } from '@nestjs/common';
import { ShortLivedCopy } from '../../common/cache/short-lived-copy';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { UpdateSettingsDto } from './dto/settings.dto';
import { ALWAYS_OTP_ROLES, defaultSettings, Settings, SETTINGS_GROUPS, SettingsGroup, Site } from './settings.catalogue';
import { SettingsRepository } from './settings.repository';
import { SiteLogoService } from './site-logo.service';

@Injectable()
export class SettingsService {
  private readonly copy = new ShortLivedCopy(() => this.read());

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly settings: SettingsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly logos: SiteLogoService,
  ) {}

  all(): Promise<Settings> {
    return this.copy.get();
  }

  private async read(): Promise<Settings> {
    const saved = await this.settings.readAll();
    const defaults = defaultSettings(this.config);
    return Object.fromEntries(SETTINGS_GROUPS.map((g) => [g, { ...defaults[g], ...(saved[g] ?? {}) }])) as unknown as Settings;
  }

  async get<G extends SettingsGroup>(group: G): Promise<Settings[G]> {
    return (await this.all())[group];
  }

  /** What every page shows of the organisation: its names, logo and contact channels. */
  async site(): Promise<Site> {
    const [s, logoUrl] = await Promise.all([this.all(), this.logos.url()]);
    return { ...s.organisation, contact: s.contact, logoUrl };
  }

  /**
   * The same without waiting, for an error page that must render whatever
   * state the database is in: what this process last read, else the defaults.
   */
  lastKnownSite(): Site {
    const s = this.copy.lastKnown() ?? defaultSettings(this.config);
    return { ...s.organisation, contact: s.contact, logoUrl: this.logos.lastKnownUrl() };
  }

  /** Saves the groups sent, field by field over what is there, and records who changed what. */
  async update(actor: StaffUser, patch: UpdateSettingsDto): Promise<Settings> {
    const current = await this.all();
    const changed = SETTINGS_GROUPS.filter((g) => patch[g] !== undefined);
    const next = { ...current };
    for (const g of changed) {
      // Absent (undefined) leaves a field alone; a cleared one is saved as null, so that the
      // environment's default does not come back from under it.
      const merged: Record<string, unknown> = { ...current[g] };
      for (const [k, v] of Object.entries(patch[g] as object)) if (v !== undefined) merged[k] = v;
      (next as Record<string, unknown>)[g] = merged;
    }
    const roles = next.security.otpRequiredRoles;
    if (ALWAYS_OTP_ROLES.some((r) => !roles.includes(r))) {
      throw DomainError.field('security.otpRequiredRoles', 'integrityRequired', 'The integrity role always signs in with a one-time code');
    }
    if (next.deadline.reminderDaysBefore) next.deadline.reminderDaysBefore = [...next.deadline.reminderDaysBefore].sort((a, b) => b - a);
    await this.transactions.run(async (tx) => {
      const at = this.clock.now();
      for (const g of changed) await this.settings.save(tx.manager, g, next[g], actor.id, at);
      if (changed.length) {
        await this.audit.record(
          { action: 'settings_change', actor: { id: actor.id, role: actor.role }, details: { groups: changed } },
          tx,
        );
      }
    });
    this.copy.forget();
    return this.all();
  }
}
