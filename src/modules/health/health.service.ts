import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { QUEUES } from '../../jobs/job-catalogue';

type Check = 'up' | 'down';
const TIMEOUT_MS = 2000;

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms).unref())]);
}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
  ) {}

  async check(): Promise<{ status: 'ok' | 'error'; checks: { database: Check; redis: Check } }> {
    const [database, redis] = await Promise.all([
      within(this.db.query('SELECT 1'), TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
      within(this.queue.getJobCounts('waiting'), TIMEOUT_MS).then(() => 'up' as const, () => 'down' as const),
    ]);
    return { status: database === 'up' && redis === 'up' ? 'ok' : 'error', checks: { database, redis } };
  }
}
