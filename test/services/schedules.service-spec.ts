import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { Schedules } from '../../src/jobs/schedules';
import { appRedisPrefix, TEST_REDIS_URL as REDIS_URL, unlinkNamespace } from '../support/redis-keys';
import { waitFor } from '../support/wait-for';

describe('repeating jobs survive an emptied Redis', () => {
  const prefix = appRedisPrefix();
  let redis: Redis;
  let queue: Queue;
  let schedules: Schedules;

  beforeAll(() => {
    redis = new Redis(REDIS_URL);
    queue = new Queue('notifications', { connection: new Redis(REDIS_URL, { maxRetriesPerRequest: null }), prefix });
  });
  afterAll(async () => {
    schedules?.stop();
    await queue.obliterate({ force: true });
    await queue.close();
    await (await queue.client).quit();
    redis.disconnect();
  });

  // Redis emptied under the worker, as FLUSHALL would, but only this test's keys: the server is shared.
  const wipe = () => unlinkNamespace(`${prefix}:`);

  it('puts the scheduler back on its own after the keys vanish, without a restart, and repairs the lost jobs at once', async () => {
    let repairs = 0;
    schedules = new Schedules(queue, [{ name: 'notification.reconcile', everyMs: 300_000 }], async () => repairs++, 200);
    await schedules.start();
    expect((await queue.getJobSchedulers()).map((s) => s.key)).toEqual(['notification.reconcile']);
    // The first round found nothing because nothing was there yet, not because Redis was emptied; later rounds find it.
    await schedules.ensure();
    expect(repairs).toBe(0);
    await wipe();
    expect(await queue.getJobSchedulers()).toEqual([]);
    await waitFor(async () => (await queue.getJobSchedulers()).length === 1, { what: 'the scheduler back', timeoutMs: 5_000 });
    await waitFor(() => repairs === 1 || undefined, { what: 'the repair', timeoutMs: 5_000 });
    await schedules.ensure();
    expect(repairs).toBe(1);
  });
});
