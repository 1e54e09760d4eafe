import { Body, Controller, Get, Header, HttpStatus, Inject, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { messagesFor } from '../../common/i18n/i18n';
import { localeFrom, pageContext } from '../../views/page-context';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { validateInput } from '../../common/validation/field-errors';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { fileErrors, formErrors, FormValues } from '../../views/form-fields';
import { complaintFiledPage } from '../../views/pages/complaint-filed.page';
import { complaintFormPage } from '../../views/pages/complaint-form.page';
import { homePage } from '../../views/pages/home.page';
import { trackPage } from '../../views/pages/track.page';
import type { FileProblem } from '../attachments/attachment-rules';
import { readUpload } from '../attachments/multipart-upload';
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

  /**
   * The form is multipart (it may carry files); a urlencoded post, from an
   * older copy of the page or a script, is still accepted without files.
   */
  @Post('complaints/new')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async fileComplaint(
    @Req() request: FastifyRequest,
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const upload = request.isMultipart() ? await readUpload(request, [...FORM_FIELDS, 'lang']) : null;
    const form: Record<string, unknown> = upload?.fields ?? body ?? {};
    const locale = localeFrom(form.lang);
    const ctx = pageContext(this.config, locale, '/complaints/new');
    const values: FormValues = Object.fromEntries(
      FORM_FIELDS.map((f) => [f, typeof form[f] === 'string' ? (form[f] as string) : undefined]),
    );
    const rejected = async (details: NonNullable<DomainError['details']>, problems: FileProblem[] = []) => {
      reply.status(problems.some((p) => p.code === 'fileTooLarge') ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST);
      const errors = fileErrors(problems, locale, formErrors(details, locale));
      return complaintFormPage(ctx, await this.intake.listCategories(), values, errors, Boolean(upload?.files.length));
    };

    const input = await validateInput(FileComplaintDto, complaintFromForm(form));
    // A field cut at the multipart size limit must not pass as a shorter text.
    const textErrors = [
      ...(input.errors ?? []),
      ...(upload?.truncatedFields ?? []).map((field) => ({ field, code: 'maxLength', message: `${field} is too long` })),
    ];
    // Stray fields are ignored here, as they are in a urlencoded post.
    const checked = upload
      ? await this.intake.checkAttachments({ ...upload, unexpectedFields: [] })
      : { files: [], problems: [] };
    if (textErrors.length || !input.value || !checked.files) return rejected(textErrors, checked.problems);
    try {
      const filed = await this.intake.fileComplaint(input.value, locale, checked.files);
      return complaintFiledPage(ctx, {
        ...filed,
        emailed: Boolean(input.value.complainant.email),
        attachments: checked.files.length,
      });
    } catch (err) {
      if (err instanceof DomainError && err.code === ErrorCode.ValidationFailed && err.details) {
        return rejected(err.details);
      }
      throw err;
    }
  }

  @Get('track')
  @PublicRateLimit('tracking')
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
