import { Injectable } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError, ErrorCode } from '../../common/errors/domain-error';
import type { Locale } from '../../common/i18n/i18n';
import { formBasics, staffLayout, StaffPageContext } from '../../views/pages/staff/staff-layout';
import { staffMessages } from '../../views/pages/staff/staff.messages';
import { href } from '../../views/layout';
import type { FormContext } from '../../views/staff/admin/admin-fields';
import type { StaffPageBody } from '../../views/staff/staff-page';
import type { StaffRequest } from '../auth/staff-auth.guard';
import { isUuid } from '../cases';
import type { Role } from '../users/user.entity';
import { StaffPages } from '../staff-console/staff-pages';

export const HTML = 'text/html; charset=utf-8';

/** A page of the console being answered: its context, the forms' hidden fields, and the frame. */
export interface AdminPage {
  ctx: StaffPageContext;
  form: FormContext;
  roles: Readonly<Record<Role, string>>;
  render(body: StaffPageBody): string;
}

/** The administration pages' common steps, over the console's own (StaffPages, staffLayout). */
@Injectable()
export class AdminPageKit {
  constructor(private readonly pages: StaffPages) {}

  async page(request: StaffRequest, reply: FastifyReply, path: string, locale: Locale, query?: Record<string, string>): Promise<AdminPage> {
    const ctx = await this.pages.context(request, reply, path, locale, query);
    return {
      ctx,
      form: { locale, hidden: formBasics(ctx), csrf: ctx.csrf },
      roles: staffMessages(locale).roles,
      render: (body) => staffLayout(ctx, body.title, body.main),
    };
  }
}

/** Post/Redirect/Get: a change is answered by the page that shows it, with a word (`done`) of what was done. */
export function doneUrl(path: string, locale: Locale, done: string, query: Record<string, string> = {}): string {
  return href({ locale }, path, { ...query, done });
}

export function redirectAfter(reply: FastifyReply, path: string, locale: Locale, done: string): string {
  reply.redirect(doneUrl(path, locale, done), 303);
  return '';
}

/** An id in the address that cannot name anything is the same 404 as one that names nothing. */
export function requireId(id: string, what: string): string {
  if (!isUuid(id)) throw DomainError.notFound(what);
  return id;
}

/**
 * A conflict the service reports as a whole (a taken email or code) belongs
 * beside the field that caused it, where the form can show it.
 */
export async function conflictAsField<T>(field: string, act: () => Promise<T>, code = 'taken'): Promise<T> {
  try {
    return await act();
  } catch (err) {
    if (err instanceof DomainError && err.code === ErrorCode.Conflict) throw DomainError.field(field, code, err.message);
    throw err;
  }
}

/** A posted text field, or undefined. */
export function text(form: Record<string, unknown>, name: string): string | undefined {
  const v = form[name];
  return typeof v === 'string' ? v : undefined;
}
