import { Body, Controller, Get, Header, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PublicRateLimit } from '../../common/http/public-rate-limit.decorator';
import { answer, submitForm } from '../../views/form-flow';
import { localeFrom } from '../../views/page-context';
import { enrolPage, recoveryCodesPage, signInPage, tooManyMessage } from '../../views/pages/staff/sign-in.page';
import { href } from '../../views/layout';
import { landingPath } from '../../views/pages/staff/staff-nav';
import { staffMessages } from '../../views/pages/staff/staff.messages';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { ConfirmEnrolmentDto } from '../auth/dto/otp.dto';
import { LoginDto } from '../auth/dto/login.dto';
import { clearSessionToken, readSessionToken, setSessionToken } from './session/session-cookie';
import { safeReturnPath } from './session/staff-page.guard';
import { StaffSessionsService } from './session/staff-sessions.service';
import { StaffSignInService } from './session/staff-sign-in.service';
import { formLocale, StaffPages } from './staff-pages';

const HTML = 'text/html; charset=utf-8';
type Form = Record<string, unknown>;
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Signing in and out of the staff console. */
@ApiExcludeController()
@Controller('staff')
export class StaffSessionController {
  constructor(
    private readonly pages: StaffPages,
    private readonly signIns: StaffSignInService,
    private readonly sessions: StaffSessionsService,
  ) {}

  @Get('login')
  @Header('Content-Type', HTML)
  async form(
    @Req() request: StaffRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
    @Query('next') next?: string,
    @Query('lang') lang?: string,
    @Query('out') out?: string,
  ): Promise<string> {
    const locale = localeFrom(lang);
    const ctx = await this.pages.context(request, reply, '/staff/login', locale, next ? { next } : undefined);
    const notice = out ? staffMessages(locale).login.signedOut : undefined;
    return signInPage(ctx, { values: { next: safeReturnPath(next) ?? undefined }, notice });
  }

  @Post('login')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async signIn(@Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: Form | undefined): Promise<string> {
    const form = body ?? {};
    const locale = formLocale(form);
    const m = staffMessages(locale).login;
    const ctx = await this.pages.context(request, reply, '/staff/login', locale);
    const next = safeReturnPath(form.next);
    const values = { email: text(form.email), password: text(form.password), next: next ?? undefined };
    const outcome = await submitForm({
      dto: LoginDto,
      plain: { email: values.email, password: values.password, otp: text(form.otp) || undefined },
      locale,
      act: (dto) => this.signIns.signIn(dto, request.ip),
      done: async (step) => {
        switch (step.kind) {
          case 'signed_in':
            // A session this browser still had (another account, an earlier sign-in) ends here.
            await this.sessions.end(readSessionToken(request));
            setSessionToken(request, reply, step.sessionToken);
            return { redirect: next ?? href(ctx, landingPath(step.role)) };
          case 'refused':
            return { status: 401, html: signInPage(ctx, { values: { ...values, password: undefined }, errors: { form: m.refused } }) };
          case 'throttled':
            reply.header('Retry-After', String(step.retryAfterSeconds));
            return { status: 429, html: signInPage(ctx, { values, errors: { form: tooManyMessage(ctx, step.retryAfterSeconds) } }) };
          case 'otp':
            // The password was right: it stays in the form, so that only the code is left to type.
            return {
              status: step.wrong ? 401 : 200,
              html: signInPage(ctx, { values, askOtp: true, errors: step.wrong ? { otp: m.otpWrong } : {} }),
            };
          case 'enrol':
            return enrolPage(ctx, step);
        }
      },
      again: (errors) => signInPage(ctx, { values: { ...values, password: undefined }, errors, askOtp: Boolean(form.otp) }),
    });
    return answer(reply, outcome);
  }

  @Post('login/enrol')
  @PublicRateLimit()
  @Header('Content-Type', HTML)
  async enrol(@Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: Form | undefined): Promise<string> {
    const form = body ?? {};
    const locale = formLocale(form);
    const m = staffMessages(locale).enrol;
    const ctx = await this.pages.context(request, reply, '/staff/login', locale);
    const shown = { enrolmentToken: text(form.enrolmentToken) ?? '', secret: text(form.secret) ?? '', otpauthUri: text(form.otpauthUri) ?? '' };
    const outcome = await submitForm({
      dto: ConfirmEnrolmentDto,
      plain: { enrolmentToken: shown.enrolmentToken, otp: text(form.otp)?.trim() },
      locale,
      act: (dto) => this.signIns.confirmEnrolment(dto.enrolmentToken, dto.otp),
      done: async (step) => {
        switch (step.kind) {
          case 'enrolled':
            await this.sessions.end(readSessionToken(request));
            setSessionToken(request, reply, step.sessionToken);
            return recoveryCodesPage({ ...ctx, staff: null }, step.recoveryCodes, href(ctx, landingPath(step.role)));
          case 'wrong_code':
            return { status: 400, html: enrolPage(ctx, { ...shown, error: m.wrongCode }) };
          case 'expired':
            return { status: 401, html: signInPage(ctx, { values: {}, errors: { form: m.expired } }) };
        }
      },
      again: (errors) =>
        errors.enrolmentToken
          ? signInPage(ctx, { values: {}, errors: { form: m.expired } })
          : enrolPage(ctx, { ...shown, error: m.wrongCode }),
    });
    return answer(reply, outcome);
  }

  @Post('logout')
  @HttpCode(303)
  async signOut(@Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Body() body: Form | undefined): Promise<void> {
    await this.sessions.end(readSessionToken(request));
    clearSessionToken(request, reply);
    reply.header('Location', localeFrom(body?.lang) === 'en' ? '/staff/login?out=1&lang=en' : '/staff/login?out=1');
  }
}
