import { DomainError } from '../../common/errors/domain-error';
import { isStorableInstant } from '../../common/validation/instant';
import type { CaseKind, CaseStatus, Channel } from './case.types';
import { parseReferenceNo } from './reference-number';
import type { QueueSort, QueueView } from './dto/case-queue.dto';

export const OPEN_STATUSES: readonly CaseStatus[] = ['received', 'accepted', 'assigned', 'in_progress'];
const DUE_SOON_DAYS = 3;

/** The queue request with everything resolved: no "me", no view names, no cursor text. */
export interface QueueFilter {
  kind?: CaseKind;
  status?: CaseStatus[];
  departmentId?: string;
  assigneeId?: string;
  channel?: Channel;
  /** open AND due in [dueFrom, dueBefore) */
  openOnly?: boolean;
  dueFrom?: Date;
  dueBefore?: Date;
  notOverdueAt?: Date;
  unexplained?: boolean;
  referenceNo?: string;
  subjectLike?: string;
}

export interface SortSpec {
  column: 'due_at' | 'received_at' | 'updated_at';
  descending: boolean;
}

export interface Cursor {
  value: string;
  id: string;
}

export function sortSpec(sort: QueueSort = 'dueAt'): SortSpec {
  const descending = sort.startsWith('-');
  const field = (descending ? sort.slice(1) : sort) as 'dueAt' | 'receivedAt' | 'updatedAt';
  const column = ({ dueAt: 'due_at', receivedAt: 'received_at', updatedAt: 'updated_at' } as const)[field];
  return { column, descending };
}

/** Turns views, `me`, `overdue` and `q` into plain conditions. */
export function resolveFilter(
  q: {
    view?: QueueView;
    kind?: CaseKind;
    status?: CaseStatus[];
    departmentId?: string;
    assigneeId?: string;
    channel?: Channel;
    overdue?: boolean;
    dueBefore?: string;
    q?: string;
  },
  me: string,
  now: Date,
): QueueFilter {
  const f: QueueFilter = {
    kind: q.kind,
    status: q.status,
    departmentId: q.departmentId,
    assigneeId: q.assigneeId === 'me' ? me : q.assigneeId,
    channel: q.channel,
  };
  if (q.dueBefore) f.dueBefore = new Date(q.dueBefore);
  const overdue = q.overdue === true || q.view === 'overdue' || q.view === 'awaiting_explanation';
  if (overdue) {
    f.openOnly = true;
    f.dueBefore = earliest(f.dueBefore, now);
  }
  if (q.overdue === false) f.notOverdueAt = now;
  switch (q.view) {
    case 'unscreened':
      f.status = intersect(f.status, ['received']);
      break;
    case 'mine':
      f.assigneeId = me;
      break;
    case 'due_soon':
      f.openOnly = true;
      f.dueFrom = now;
      f.dueBefore = earliest(f.dueBefore, new Date(now.getTime() + DUE_SOON_DAYS * 24 * 3600 * 1000));
      break;
    case 'awaiting_explanation':
      f.unexplained = true;
      break;
  }
  const text = q.q?.trim();
  if (text) {
    if (parseReferenceNo(text)) f.referenceNo = text.toUpperCase();
    else f.subjectLike = `%${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
  }
  return f;
}

function earliest(a: Date | undefined, b: Date): Date {
  return a && a < b ? a : b;
}

function intersect(current: CaseStatus[] | undefined, wanted: CaseStatus[]): CaseStatus[] {
  return current ? current.filter((s) => wanted.includes(s)) : wanted;
}

const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{1,6}Z$/;

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.value, c.id])).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  try {
    const [value, id] = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    // Shaped right is not enough: Postgres refuses a day that does not exist, or a UUID of dashes, with a 500.
    if (typeof value === 'string' && CURSOR_INSTANT.test(value) && isStorableInstant(value) && typeof id === 'string' && /^[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}$/i.test(id)) {
      return { value, id };
    }
  } catch {
    // fall through to the same answer as any other bad cursor
  }
  throw DomainError.field('cursor', 'invalid', 'cursor is not one this API gave out');
}
