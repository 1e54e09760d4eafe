import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { isLocale, Locale, messagesFor } from '../../common/i18n/i18n';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { validateInput } from '../../common/validation/field-errors';
import { fileErrors, FormValues } from '../../views/form-fields';
import { submitForm } from '../../views/form-flow';
import { localeFrom, pageContext } from '../../views/page-context';
import { complaintFiledPage } from '../../views/pages/complaint-filed.page';
import { complaintFormPage } from '../../views/pages/complaint-form.page';
import { homePage } from '../../views/pages/home.page';
import { privacyPage } from '../../views/pages/privacy.page';
import { trackPage } from '../../views/pages/track.page';
import { readUpload } from '../attachments/multipart-upload';
import { CaseTrackingService } from '../cases';
import { FeedbackDto } from '../feedback/dto/feedback.dto';
import { feedbackMessages } from '../feedback/feedback-messages';
import { FeedbackService } from '../feedback/feedback.service';
import { SettingsService } from '../settings/settings.service';
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
    private readonly settings: SettingsService,
    private readonly intake: IntakeService,
    private readonly tracking: CaseTrackingService,
    private readonly feedback: FeedbackService,
  ) {}

  private async context(locale: Locale, path: string, query?: Record<string, string>) {
    return pageContext(await this.settings.site(), locale, path, query);
  }

  @Get()
  @Header('Content-Type', HTML)
  async home(@Query('lang') lang?: string): Promise<string> {
    return homePage(await this.context(localeFrom(lang), '/'));
  }

  @Get('privacy')
  @Header('Content-Type', HTML)
  async privacy(@Query('lang') lang?: string): Promise<string> {
    return privacyPage(await this.context(localeFrom(lang), '/privacy'));
  }

  @Get('complaints/new')
  @Header('Content-Type', HTML)
  async complaintForm(@Query('lang') lang?: string): Promise<string> {
    return complaintFormPage(await this.context(localeFrom(lang), '/complaints/new'), await this.intake.listCategories());
  }

  /**
   * The form is multipart (it may carry files); a urlencoded post, from an
   * older copy of the page or a script, is still accepted without files.
   * The language switch posts it too (`switchLang`): the form comes back in
   * the other language with everything typed, and nothing is filed.
   */
  @Post('complaints/new')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async fileComplaint(
    @Req() request: FastifyRequest,
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const upload = request.isMultipart()
      ? await this.intake.receiveForm((staging) => readUpload(request, staging, [...FORM_FIELDS, 'lang', 'switchLang']))
      : null;
    const form: Record<string, unknown> = upload?.fields ?? body ?? {};
    const switching = isLocale(form.switchLang);
    const locale = localeFrom(switching ? form.switchLang : form.lang);
    const ctx = await this.context(locale, '/complaints/new');
    const values: FormValues = Object.fromEntries(
      FORM_FIELDS.map((f) => [f, typeof form[f] === 'string' ? (form[f] as string) : undefined]),
    );
    const sentFiles = Boolean(upload?.files.length);
    // Stray fields are ignored here, as they are in a urlencoded post.
    const checked = upload ? await this.intake.checkAttachments({ ...upload, unexpectedFields: [] }) : { files: [], problems: [] };
    // The form comes back: files it carried were not filed, and browsers cannot send them again by themselves.
    const again = async (errors: Record<string, string>) => {
      await this.intake.discardAttachments(checked.files ?? []);
      return complaintFormPage(ctx, await this.intake.listCategories(), values, errors, sentFiles);
    };
    if (switching) return again({});

    // A field cut at the multipart size limit must not pass as a shorter text.
    const cut = upload?.truncatedFields ?? [];
    const errors = fileErrors(checked.problems, locale);
    for (const field of cut) errors[field] ??= messagesFor(locale).errors.maxLength;
    const outcome = await submitForm({
      dto: FileComplaintDto,
      plain: complaintFromForm(form),
      locale,
      problems: {
        errors,
        status: checked.problems.some((p) => p.code === 'fileTooLarge') ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
      },
      act: (dto) => this.intake.fileComplaint(dto, locale, checked.files ?? []),
      doneStatus: HttpStatus.CREATED,
      done: (filed) =>
        complaintFiledPage(ctx, {
          ...filed,
          emailed: Boolean(values['complainant.email']?.trim()),
          attachments: checked.files?.length ?? 0,
        }),
      again,
    });
    reply.status(outcome.status);
    return outcome.html;
  }

  /** A link from an email still carries the code; the forms post it, so it stays out of the address bar and history. */
  @Get('track')
  @PublicRateLimit('tracking')
  @Header('Content-Type', HTML)
  track(@Res({ passthrough: true }) reply: FastifyReply, @Query('code') code?: string, @Query('lang') lang?: string): Promise<string> {
    return this.trackResult(reply, code, lang);
  }

  @Post('track')
  @HttpCode(200)
  @PublicRateLimit('tracking')
  @Header('Content-Type', HTML)
  trackPosted(@Res({ passthrough: true }) reply: FastifyReply, @Body() body: Record<string, unknown> | undefined): Promise<string> {
    // The language switch re-posts the form: the code is kept and still never in the address bar.
    return this.trackResult(reply, body?.code, isLocale(body?.switchLang) ? body?.switchLang : body?.lang);
  }

  private async trackResult(reply: FastifyReply, code: unknown, lang: unknown): Promise<string> {
    const locale = localeFrom(lang);
    const typed = typeof code === 'string' ? code.slice(0, 40) : '';
    const ctx = await this.context(locale, '/track');
    if (!typed) return trackPage(ctx, '', null);
    const texts = messagesFor(locale);
    try {
      const found = await this.tracking.track(typed);
      return trackPage(ctx, typed, { found, feedback: { state: await this.feedback.state(typed) } });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      const notFound = err.code === ErrorCode.NotFound;
      reply.status(notFound ? 404 : 400);
      return trackPage(ctx, typed, { error: notFound ? texts.track.notFound : texts.errors.checksum });
    }
  }

  /** The rating form of the tracking page; without JavaScript, the page comes back with the outcome. */
  @Post('track/feedback')
  @HttpCode(200)
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async rate(@Body() body: Record<string, unknown> | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const form = body ?? {};
    const locale = localeFrom(form.lang);
    const code = typeof form.code === 'string' ? form.code.slice(0, 40) : '';
    const ctx = await this.context(locale, '/track');
    const m = feedbackMessages(locale);
    const values = { rating: typeof form.rating === 'string' ? form.rating : undefined, comment: typeof form.comment === 'string' ? form.comment : undefined };
    let found;
    try {
      found = await this.tracking.track(code);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      reply.status(err.code === ErrorCode.NotFound ? 404 : 400);
      return trackPage(ctx, code, { error: err.code === ErrorCode.NotFound ? messagesFor(locale).track.notFound : messagesFor(locale).errors.checksum });
    }
    const input = await validateInput(FeedbackDto, { rating: values.rating, comment: values.comment });
    if (!input.value) {
      reply.status(HttpStatus.BAD_REQUEST);
      return trackPage(ctx, code, { found, feedback: { state: await this.feedback.state(code), error: m.ratingRequired, values } });
    }
    try {
      await this.feedback.rate(code, input.value);
      return trackPage(ctx, code, { found, feedback: { state: await this.feedback.state(code), thanks: true } });
    } catch (err) {
      if (!(err instanceof DomainError) || err.code !== ErrorCode.Conflict) throw err;
      reply.status(HttpStatus.CONFLICT);
      return trackPage(ctx, code, { found, feedback: { state: await this.feedback.state(code) } });
    }
  }
}
