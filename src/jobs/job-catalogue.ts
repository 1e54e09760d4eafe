/**
 * Every background job: its queue and its payload. A processor declares a
 * handler map typed against this catalogue, so a job without a handler (or a
 * handler for no job) does not compile.
 */
export const QUEUES = { notifications: 'notifications', deadlines: 'deadlines' } as const;
export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** A case's timer: which one, and the due date it was set for (epoch ms), so a re-dated case's old timer knows it is stale. */
export interface TimerPayload {
  caseId: string;
  dueAt: number;
  /** `reminder-3d`, `deadline` or `escalation`. */
  occasion: string;
}

export interface JobCatalogue {
  'notification.send': { queue: 'notifications'; payload: { notificationId: string } };
  'notification.reconcile': { queue: 'notifications'; payload: Record<string, never> };
  'deadline.timer': { queue: 'deadlines'; payload: TimerPayload };
  'deadline.reconcile': { queue: 'deadlines'; payload: Record<string, never> };
  'deadline.digest': { queue: 'deadlines'; payload: Record<string, never> };
}

export type JobName = keyof JobCatalogue;
export type JobsOf<Q extends QueueName> = {
  [K in JobName]: JobCatalogue[K]['queue'] extends Q ? K : never;
}[JobName];
export type PayloadOf<K extends JobName> = JobCatalogue[K]['payload'];

export type JobHandlers<Q extends QueueName> = {
  [K in JobsOf<Q>]: (payload: PayloadOf<K>, attempt: { made: number; max: number }) => Promise<void>;
};
