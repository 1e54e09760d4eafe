import { Body, Controller, Get, Header, Inject, Post, Query, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { messagesFor } from '../../common/i18n/i18n';
import { localeFrom, pageContext } from '../../common/http/page-context';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { validateInput } from '../../common/validation/field-errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { formErrors, FormValues } from '../../views/form-fields';
import { complaintFiledPage } from '../../views/pages/complaint-filed.page';
import { complaintFormPage } from '../../views/pages/complaint-form.page';
import { homePage } from '../../views/pages/home.page';
import { trackPage } from '../../views/pages/track.page';
import { CaseTrackingService } from '../cases/case-tracking.service';
import { complaintFromForm, FileComplaintDto } from './dto/file-complaint.dto';
import { IntakeService } from './intake.service';

const HTML = 'text/html; charset=utf-8';
const FORM_FIELDS = [
  'subject',
  'categoryCode',
  'description',
  'location',
  'complainant.name',
  'complainant.email',
  'complainant.phone',
  'complainant.address',
  'consent',
];

/** The citizen's pages: plain HTML forms that work without JavaScript. */
@ApiExcludeController()
@Controller()
export class IntakePagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly intake: IntakeService,
    private readonly tracking: CaseTrackingService,
  ) {}

  @Get()
  @Header('Content-Type', HTML)
  home(@Query('lang') lang?: string): string {
    return homePage(pageContext(this.config, localeFrom(lang), '/'));
  }

  @Get('complaints/new')
  @Header('Content-Type', HTML)
  async complaintForm(@Query('lang') lang?: string): Promise<string> {
    return complaintFormPage(pageContext(this.config, localeFrom(lang), '/complaints/new'), await this.intake.listCategories());
  }

  @Post('complaints/new')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async fileComplaint(
    @Body() form: Record<string, unknown>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const locale = localeFrom(form?.lang);
    const ctx = pageContext(this.config, locale, '/complaints/new');
    const values: FormValues = Object.fromEntries(
      FORM_FIELDS.map((f) => [f, typeof form?.[f] === 'string' ? (form[f] as string) : undefined]),
    );
    const rejected = async (details: NonNullable<DomainError['details']>) => {
      reply.status(400);
      return complaintFormPage(ctx, await this.intake.listCategories(), values, formErrors(details, locale));
    };

    const input = await validateInput(FileComplaintDto, complaintFromForm(form ?? {}));
    if (input.errors) return rejected(input.errors);
    try {
      const filed = await this.intake.fileComplaint(input.value, locale);
      return complaintFiledPage(ctx, { ...filed, emailed: Boolean(input.value.complainant.email) });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.ValidationFailed && err.details) {
        return rejected(err.details);
      }
      throw err;
    }
  }

  @Get('track')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async track(
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('code') code?: string,
    @Query('lang') lang?: string,
  ): Promise<string> {
    const locale = localeFrom(lang);
    const typed = typeof code === 'string' ? code.slice(0, 40) : '';
    const ctx = pageContext(this.config, locale, '/track', typed ? { code: typed } : undefined);
    if (!typed) return trackPage(ctx, '', null);
    const texts = messagesFor(locale);
    try {
      return trackPage(ctx, typed, { found: await this.tracking.track(typed) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const notFound = err.code === ErrorCode.NotFound;
      reply.status(notFound ? 404 : 400);
      return trackPage(ctx, typed, { error: notFound ? texts.track.notFound : texts.errors.checksum });
    }
  }
}
