import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import { WorkerHost } from '@nestjs/bullmq';
import { Queue, QueueEvents, Worker } from 'bullmq';
import type { EventEmitter } from 'node:events';
import type { RedisOutageLog } from './redis-outage-log';

/**
 * Every BullMQ queue and worker the application created, wherever a module
 * registered it. Call after init: @nestjs/bullmq starts workers then.
 */
function bullMqInstances(app: INestApplicationContext): Array<Queue | Worker | QueueEvents> {
  const found = new Set<Queue | Worker | QueueEvents>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.providers.values()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof Queue || instance instanceof Worker || instance instanceof QueueEvents) found.add(instance);
      if (instance instanceof WorkerHost) {
        try {
          found.add(instance.worker);
        } catch {
          // a processor whose worker never started (workers disabled in this process)
        }
      }
    }
  }
  return [...found];
}

/** Routes the errors of every BullMQ queue and worker through the outage log. */
export function watchBullMq(app: INestApplicationContext, log: RedisOutageLog): void {
  for (const instance of bullMqInstances(app)) {
    log.watchBullMq(instance);
    // The client exists once it has connected, which init waited for.
    void Promise.resolve(instance.client).then(
      (client) => log.watchClient(client as unknown as EventEmitter),
      () => undefined,
    );
  }
}
