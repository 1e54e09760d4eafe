import { Injectable, Logger } from '@nestjs/common';
import { fill } from '../../common/i18n/i18n';
import { Clock } from '../../common/time/clock';
import { formatDate } from '../../common/time/thai-calendar';
import { GroupCommit } from '../../database/group-commit';
import { Tx } from '../../database/transactions';
import type { TimerPayload } from '../../jobs/job-catalogue';
import { CaseTimeline, isOpen } from '../cases';
import type { Notice } from '../notifications/notice';
import type { NotificationTemplate } from '../notifications/templates';
import { NotificationsService } from '../notifications/notifications.service';
import { SettingsService } from '../settings/settings.service';
import { isOccasion, isReminder, nextTimer, Occasion, planTimers, Timer } from './deadline-plan';
import { deadlineMessages } from './deadline.messages';
import { DeadlinesRepository, StaffRecipient, TimedCase } from './deadlines.repository';
import { DeadlineTimers } from './deadline-timers.service';

const DAY_MS = 24 * 3600 * 1000;
/** A job may run this much before its moment (clocks of two machines disagree a little). */
const EARLY_TOLERANCE_MS = 5_000;
/** Seed 004's 15 days: an explanation this recent answers for the deadline. */
const EXPLANATION_WINDOW_MS = 15 * DAY_MS;

/** Thrown when a timer's job runs before its moment by the clock the rules read: the job goes back to wait. */
export class TimerTooEarly extends Error {
  constructor(readonly waitMs: number) {
    super(`timer is ${waitMs} ms early`);
  }
}

/**
 * What a timer does when it fires. Each handler re-reads and locks the
 * case, does nothing when the timer no longer applies (the case is settled,
 * or was re-dated), and records its firing in the same transaction as its
 * effects, so that a redelivered job, a second worker or the reconciler
 * firing it again finds it done. Then it sets the case's next timer.
 *
 * Timers that fall due together (a busy day's filings, 15 days on) commit
 * together: an overdue case moves the statistics' rollup rows, which every
 * such commit would otherwise lock in turn.
 */
@Injectable()
export class DeadlineHandlers {
  private readonly logger = new Logger(DeadlineHandlers.name);

  constructor(
    private readonly groupCommit: GroupCommit,
    private readonly repo: DeadlinesRepository,
    private readonly timeline: CaseTimeline,
    private readonly notifications: NotificationsService,
    private readonly settings: SettingsService,
    private readonly timers: DeadlineTimers,
    private readonly clock: Clock,
  ) {}

  async fire(p: TimerPayload): Promise<void> {
    if (!isOccasion(p.occasion)) throw new Error(`unknown timer occasion ${p.occasion}`);
    const occasion: Occasion = p.occasion;
    const { reminderDaysBefore } = await this.settings.get('deadline');
    const next = await this.groupCommit.run(async (tx): Promise<Timer | null> => {
      const now = this.clock.now();
      const c = await this.repo.lockCase(tx.manager, p.caseId);
      if (!c || !isOpen(c.status) || c.dueAt.getTime() !== p.dueAt) return null;
      const plan = planTimers(c.dueAt, reminderDaysBefore);
      const timer = plan.find((t) => t.occasion === occasion) ?? null;
      const fireAt = timer?.fireAt.getTime() ?? p.dueAt;
      if (fireAt - now.getTime() > EARLY_TOLERANCE_MS) throw new TimerTooEarly(fireAt - now.getTime());
      // A reminder whose deadline already passed has nothing left to remind of.
      const applies = timer !== null && !(isReminder(occasion) && now >= c.dueAt);
      if (applies && (await this.repo.recordFiring(tx.manager, c.id, c.dueAt, occasion, now))) {
        if (isReminder(occasion)) await this.remind(tx, c, occasion);
        else if (occasion === 'deadline') await this.deadline(tx, c, now);
        else await this.escalate(tx, c);
      }
      return nextTimer(plan, await this.repo.firedOccasions(tx.manager, c.id, c.dueAt), now);
    });
    if (next) await this.timers.set(p.caseId, next);
  }

  /** Before the due date: the assignee (or the department's officers) and the head. */
  private async remind(tx: Tx, c: TimedCase, occasion: Occasion): Promise<void> {
    const m = tx.manager;
    let people: StaffRecipient[];
    if (c.kind === 'corruption') people = await this.repo.usersWithRole(m, 'integrity');
    else if (!c.departmentId) people = await this.repo.usersWithRole(m, 'center');
    else {
      const assignee = c.assigneeId ? await this.repo.activeUser(m, c.assigneeId) : null;
      const workers = assignee ? [assignee] : await this.repo.departmentStaff(m, c.departmentId);
      people = [...workers, ...(await this.repo.departmentHeads(m, c.departmentId))];
    }
    await this.notifications.enqueue(tx, this.staffNotices('deadline_reminder', c, people, `${occasion}-${c.dueAt.getTime()}`));
  }

  /**
   * At the due date, still open: overdue for good, the complainant told
   * (their officer's explanation, or the automatic interim notice), the
   * department head and the complaint centre escalated to.
   */
  private async deadline(tx: Tx, c: TimedCase, now: Date): Promise<void> {
    const m = tx.manager;
    await this.repo.markOverdue(m, c.id);
    const explanation = await this.repo.latestExplanation(m, c.id, new Date(now.getTime() - EXPLANATION_WINDOW_MS));
    const t = deadlineMessages(c.locale);
    const department = await this.repo.departmentName(m, c.departmentId);
    const division = department ? (c.locale === 'en' ? department.en : department.th) : t.centre;
    const message = explanation
      ? fill(t.timeline.explained, { date: formatDate(explanation.at, c.locale) })
      : fill(t.timeline.interim, { division });
    // Public, so the tracking page says it too; a system line is not an answer of staff (first_response_at).
    const change = await this.timeline.record(tx, c.id, {
      action: 'overdue',
      fromStatus: c.status,
      toStatus: c.status,
      public: true,
      message,
      actor: { id: null, role: 'system' },
      ...(c.departmentId ? { departmentId: c.departmentId } : {}),
    });
    const occasion = `deadline-${c.dueAt.getTime()}`;
    const notices: Notice[] = [];
    const email = c.kind === 'general' ? await this.repo.complainantEmail(m, c.complainantId) : null;
    if (email) notices.push({ template: 'deadline_notice', caseId: c.id, eventId: change.eventId, recipient: email, locale: c.locale, occasion });
    const escalateTo =
      c.kind === 'corruption'
        ? await this.repo.usersWithRole(m, 'integrity')
        : [...(c.departmentId ? await this.repo.departmentHeads(m, c.departmentId) : []), ...(await this.repo.usersWithRole(m, 'center'))];
    notices.push(...this.staffNotices('deadline_escalation', c, escalateTo, occasion));
    await this.notifications.enqueue(tx, notices);
    this.logger.log(`case ${c.id} is overdue`);
  }

  /** Still open 15 days after the deadline: the executive hears of it. */
  private async escalate(tx: Tx, c: TimedCase): Promise<void> {
    await this.timeline.record(tx, c.id, {
      action: 'escalate',
      fromStatus: c.status,
      toStatus: c.status,
      public: false,
      message: deadlineMessages('th').timeline.escalation,
      actor: { id: null, role: 'system' },
    });
    const executives = await this.repo.usersWithRole(tx.manager, 'executive');
    await this.notifications.enqueue(tx, this.staffNotices('deadline_executive', c, executives, `escalation-${c.dueAt.getTime()}`));
  }

  private staffNotices(template: NotificationTemplate, c: TimedCase, people: StaffRecipient[], occasion: string): Notice[] {
    const unique = [...new Map(people.map((p) => [p.id, p])).values()];
    return unique.map((p) => ({ template, caseId: c.id, userId: p.id, recipient: p.email, locale: 'th', occasion }));
  }
}
