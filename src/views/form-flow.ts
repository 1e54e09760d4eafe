import type { ClassConstructor } from 'class-transformer';
import { DomainError, ErrorCode, FieldError } from '../common/errors/domain-error';
import type { Locale } from '../common/i18n/i18n';
import { validateInput } from '../common/validation/field-errors';
import { FormErrors, formErrors } from './form-fields';

export interface FormOutcome {
  status: number;
  html: string;
  /** Set when the page answers with a redirect (303, Post/Redirect/Get) instead of a page. */
  redirect?: string;
}

/** What a form shows when it worked: a page, a page with its own status (a refusal), or another page to go to. */
export type Done = string | { status: number; html: string } | { redirect: string };

export interface FormFlow<T extends object, R> {
  /** The DTO the API uses for the same thing: a form and its API share one set of rules. */
  dto: ClassConstructor<T>;
  /** The posted fields, already shaped like the API body. */
  plain: unknown;
  locale: Locale;
  /** Problems found before validation (files, cut fields), in the reader's language, and the status they call for. */
  problems?: { errors: FormErrors; status?: number };
  act: (value: T) => Promise<R>;
  done: (result: R) => Done | Promise<Done>;
  /** 201 when the form created something (a filed complaint), else 200. */
  doneStatus?: 200 | 201;
  /** The same form again, with every typed value and these errors beside their fields. */
  again: (errors: FormErrors) => string | Promise<string>;
}

/**
 * The one way a page handles a posted form: validate against the API's
 * DTO, act, and either show the result or show the form again. A service's
 * field error (an unknown category, a date out of range) comes back beside
 * its field like any other; every other error goes to the error page.
 */
export async function submitForm<T extends object, R>(flow: FormFlow<T, R>): Promise<FormOutcome> {
  const input = await validateInput(flow.dto, flow.plain);
  const errors: FormErrors = { ...(input.errors ? formErrors(input.errors, flow.locale) : {}) };
  for (const [field, message] of Object.entries(flow.problems?.errors ?? {})) errors[field] ??= message;
  if (!input.value || Object.keys(errors).length) {
    return { status: flow.problems?.status ?? 400, html: await flow.again(errors) };
  }
  try {
    const result = await flow.act(input.value);
    const done = await flow.done(result);
    if (typeof done === 'string') return { status: flow.doneStatus ?? 200, html: done };
    return 'redirect' in done ? { status: 303, html: '', redirect: done.redirect } : done;
  } catch (err) {
    if (isFieldError(err)) return { status: 400, html: await flow.again(formErrors(err.details, flow.locale)) };
    throw err;
  }
}

function isFieldError(err: unknown): err is DomainError & { details: FieldError[] } {
  return err instanceof DomainError && err.code === ErrorCode.ValidationFailed && Boolean(err.details?.length);
}

/** Puts the outcome on the reply of a page route (`@Res({ passthrough: true })`) and returns the body. */
export function answer(reply: { status(code: number): unknown; header(name: string, value: string): unknown }, outcome: FormOutcome): string {
  reply.status(outcome.status);
  if (outcome.redirect) reply.header('Location', outcome.redirect);
  return outcome.html;
}
