import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import '@fastify/csrf-protection';
import { csrfTokenFor } from '../../common/http/csrf';
import { isLocale, type Locale } from '../../common/i18n/i18n';
import { localeFrom, pageContext } from '../../views/page-context';
import type { StaffPageContext } from '../../views/pages/staff/staff-layout';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { SettingsService } from '../settings/settings.service';

/** The language of a posted console form: its switch button when pressed, else the hidden `lang`. */
export function formLocale(form: Record<string, unknown>): Locale {
  return localeFrom(isLocale(form.switchLang) ? form.switchLang : form.lang);
}

/** What every console page needs to render: the site, the reader's language, who is signed in, the forms' CSRF token. */
@Injectable()
export class StaffPages {
  constructor(private readonly settings: SettingsService) {}

  async context(
    request: StaffRequest,
    reply: FastifyReply,
    path: string,
    locale: Locale,
    query?: Record<string, string>,
  ): Promise<StaffPageContext> {
    return {
      ...pageContext(await this.settings.site(), locale, path, query),
      staff: request.staff ?? null,
      csrf: csrfTokenFor(reply, request.protocol === 'https'),
    };
  }
}
