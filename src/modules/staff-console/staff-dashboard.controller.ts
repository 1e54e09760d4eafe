import { Controller, Get, Header, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { html } from '../../common/html';
import { localeFrom } from '../../views/page-context';
import { staffLayout } from '../../views/pages/staff/staff-layout';
import { staffMessages } from '../../views/pages/staff/staff.messages';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { StaffPage } from './session/staff-page.decorator';
import { StaffPages } from './staff-pages';

/** Where an executive lands; a placeholder until the dashboard itself is built (issue 12, point 4). */
@ApiExcludeController()
@Controller('staff/dashboard')
export class StaffDashboardController {
  constructor(private readonly pages: StaffPages) {}

  @Get()
  @StaffPage('executive')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async dashboard(@Req() request: StaffRequest, @Res({ passthrough: true }) reply: FastifyReply, @Query('lang') lang?: string): Promise<string> {
    const ctx = await this.pages.context(request, reply, '/staff/dashboard', localeFrom(lang));
    const m = staffMessages(ctx.locale).dashboard;
    return staffLayout(ctx, m.title, html`<h1>${m.title}</h1><p>${m.soon}</p>`);
  }
}
