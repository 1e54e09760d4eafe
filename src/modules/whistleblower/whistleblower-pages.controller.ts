import { Body, Controller, Get, Header, HttpCode, HttpStatus, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import { fill, isLocale, Locale } from '../../common/i18n/i18n';
import { fileErrors, FormValues } from '../../views/form-fields';
import { submitForm } from '../../views/form-flow';
import { localeFrom, pageContext } from '../../views/page-context';
import { reportFollowUpPage } from '../../views/pages/report-follow-up.page';
import { reportMessages } from '../../views/pages/report.messages';
import { REPORT_FORM_FIELDS, reportFiledPage, reportFormPage } from '../../views/pages/report.page';
import { readUpload } from '../attachments/multipart-upload';
import { SettingsService } from '../settings/settings.service';
import { ChannelLimitReached } from './channel-limits';
import { FileReportDto } from './dto/report.dto';
import { ReceiptTokens } from './receipt-tokens';
import { WhistleblowerService } from './whistleblower.service';

const HTML = 'text/html; charset=utf-8';
/**
 * Stricter than the site's: our own stylesheet and the form's own script,
 * nothing inline, nothing from elsewhere, no framing, no base tag.
 */
const CHANNEL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

/** Form fields → the API's body: empty fields left out, and a group only when something in it was typed. */
export function reportFromForm(form: Record<string, unknown>): Record<string, unknown> {
  const text = (name: string) => (typeof form[name] === 'string' && (form[name] as string).trim() ? (form[name] as string) : undefined);
  const group = (prefix: string, keys: string[]) => {
    const entries = keys.map((k) => [k, text(`${prefix}.${k}`)] as const).filter(([, v]) => v !== undefined);
    return entries.length ? Object.fromEntries(entries) : undefined;
  };
  return {
    subject: text('subject') ?? '',
    description: text('description') ?? '',
    accused: group('accused', ['name', 'position', 'department']),
    incidentDate: text('incidentDate'),
    identity: group('identity', ['name', 'email', 'phone']),
    pow: text('pow.id') && text('pow.nonce') ? { id: text('pow.id'), nonce: text('pow.nonce') } : undefined,
  };
}

/**
 * /report and /report/follow-up: plain HTML forms, no cookie at all (the
 * follow-up forms carry the short-lived token in a hidden field), nothing
 * from a third party, and the client's address used only, hashed, for the
 * channel's limits.
 */
@ApiExcludeController()
@Controller('report')
export class WhistleblowerPagesController {
  constructor(
    private readonly settings: SettingsService,
    private readonly channel: WhistleblowerService,
    private readonly tokens: ReceiptTokens,
  ) {}

  private async context(locale: Locale, path: string, reply: FastifyReply) {
    reply.header('Content-Security-Policy', CHANNEL_CSP);
    return pageContext(await this.settings.site(), locale, path);
  }

  @Get()
  @Header('Content-Type', HTML)
  async form(@Query('lang') lang: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return reportFormPage(await this.context(localeFrom(lang), '/report', reply));
  }

  @Post()
  @Header('Content-Type', HTML)
  async file(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const upload = await this.channel.receiveFiles((staging) => readUpload(request, staging, [...REPORT_FORM_FIELDS, 'lang', 'switchLang']));
    const form = upload.fields;
    const switching = isLocale(form.switchLang);
    const locale = localeFrom(switching ? form.switchLang : form.lang);
    const ctx = await this.context(locale, '/report', reply);
    const values: FormValues = Object.fromEntries(REPORT_FORM_FIELDS.filter((f) => !f.startsWith('pow.')).map((f) => [f, form[f]]));
    const checked = await this.channel.checkFormFiles(upload);
    const again = async (errors: Record<string, string>) => {
      await this.channel.discardFiles(checked.files ?? []);
      return reportFormPage(ctx, values, errors);
    };
    if (switching) return again({});
    const outcome = await submitForm({
      dto: FileReportDto,
      plain: reportFromForm(form),
      locale,
      problems: {
        errors: fileErrors(checked.problems, locale),
        status: checked.problems.some((p) => p.code === 'fileTooLarge') ? HttpStatus.PAYLOAD_TOO_LARGE : HttpStatus.BAD_REQUEST,
      },
      act: (dto) => this.channel.file(dto, request.ip, locale, checked.files ?? []),
      doneStatus: HttpStatus.CREATED,
      done: (filed) => reportFiledPage(ctx, filed),
      again,
    }).catch(async (err: unknown) => {
      if (!(err instanceof ChannelLimitReached)) throw err;
      reply.header('retry-after', String(err.retryAfterSeconds));
      const m = reportMessages(locale);
      return { status: HttpStatus.TOO_MANY_REQUESTS, html: await again({ subject: fill(m.tooMany, { minutes: String(Math.ceil(err.retryAfterSeconds / 60)) }) }) };
    });
    reply.status(outcome.status);
    return outcome.html;
  }

  @Get('follow-up')
  @Header('Content-Type', HTML)
  async followUpForm(@Query('lang') lang: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    return reportFollowUpPage(await this.context(localeFrom(lang), '/report/follow-up', reply), { state: 'ask' });
  }

  @Post('follow-up')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  async followUp(
    @Req() request: FastifyRequest,
    @Body() body: Record<string, unknown> | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const switching = isLocale(body?.switchLang);
    const locale = localeFrom(switching ? body?.switchLang : body?.lang);
    const ctx = await this.context(locale, '/report/follow-up', reply);
    const typed = typeof body?.receiptCode === 'string' ? body.receiptCode.slice(0, 40) : '';
    if (switching || !typed) return reportFollowUpPage(ctx, { state: 'ask' });
    const m = reportMessages(locale);
    try {
      const { token } = await this.channel.access(typed, request.ip);
      return reportFollowUpPage(ctx, { state: 'open', token, report: await this.channel.read(await this.tokens.read(token)) });
    } catch (err) {
      if (err instanceof ChannelLimitReached) {
        reply.status(HttpStatus.TOO_MANY_REQUESTS).header('retry-after', String(err.retryAfterSeconds));
        return reportFollowUpPage(ctx, { state: 'ask', error: fill(m.tooMany, { minutes: String(Math.ceil(err.retryAfterSeconds / 60)) }) });
      }
      if (!(err instanceof DomainError)) throw err;
      reply.status(err.code === ErrorCode.Unauthorized ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
      return reportFollowUpPage(ctx, { state: 'ask', error: m.unknownReceipt });
    }
  }

  @Post('follow-up/messages')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  async message(@Body() body: Record<string, unknown> | undefined, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const locale = localeFrom(body?.lang);
    const ctx = await this.context(locale, '/report/follow-up', reply);
    const m = reportMessages(locale);
    const token = typeof body?.token === 'string' ? body.token : '';
    const caseId = await this.tokens.read(token).catch(() => null);
    if (!caseId) {
      reply.status(HttpStatus.UNAUTHORIZED);
      return reportFollowUpPage(ctx, { state: 'ask', error: m.expired });
    }
    const text = typeof body?.body === 'string' ? body.body.trim() : '';
    if (!text || text.length > 5000) {
      reply.status(HttpStatus.BAD_REQUEST);
      return reportFollowUpPage(ctx, { state: 'open', token, report: await this.channel.read(caseId), error: `${m.newMessage}: ${m.required}` });
    }
    await this.channel.postMessage(caseId, text);
    return reportFollowUpPage(ctx, { state: 'open', token, report: await this.channel.read(caseId), notice: m.sent });
  }

  @Post('follow-up/files')
  @HttpCode(200)
  @Header('Content-Type', HTML)
  async files(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const upload = await this.channel.receiveFiles((staging) => readUpload(request, staging, ['token', 'lang']));
    const locale = localeFrom(upload.fields.lang);
    const ctx = await this.context(locale, '/report/follow-up', reply);
    const m = reportMessages(locale);
    const token = upload.fields.token ?? '';
    const caseId = await this.tokens.read(token).catch(() => null);
    if (!caseId) {
      await this.channel.dropFiles(upload);
      reply.status(HttpStatus.UNAUTHORIZED);
      return reportFollowUpPage(ctx, { state: 'ask', error: m.expired });
    }
    try {
      const added = await this.channel.addFiles(caseId, upload);
      return reportFollowUpPage(ctx, { state: 'open', token, report: await this.channel.read(caseId), notice: fill(m.uploaded, { count: String(added) }) });
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      reply.status(err.code === ErrorCode.Conflict ? HttpStatus.CONFLICT : HttpStatus.BAD_REQUEST);
      const problem = err.details?.map((d) => d.message).join('; ') ?? err.message;
      return reportFollowUpPage(ctx, { state: 'open', token, report: await this.channel.read(caseId), error: problem });
    }
  }
}
