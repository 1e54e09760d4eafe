import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { Gauge } from 'prom-client';
import type { FastifyInstance } from 'fastify';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Clock } from '../../common/time/clock';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { QUEUES } from '../../jobs/job-catalogue';
import { Metrics } from './metrics';
import { MetricsRepository } from './metrics.repository';

const JOB_STATES = ['waiting', 'delayed', 'active', 'failed'] as const;

/**
 * Serves /metrics on its own port (METRICS_PORT on METRICS_HOST, loopback
 * by default), never on the public one. Request timings come from a hook
 * on the HTTP server; queue, outbox and overdue figures are read at scrape
 * time, so a scrape always tells the present.
 */
@Injectable()
export class MetricsService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsService.name);
  private server?: Server;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    readonly metrics: Metrics,
    private readonly repository: MetricsRepository,
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly clock: Clock,
  ) {
    metrics.scrapeGauge('rongrian_queue_jobs', 'Jobs in each queue by state (waiting, delayed, active, failed)', ['queue', 'state'], (g) =>
      this.collectQueues(g),
    );
    metrics.scrapeGauge('rongrian_outbox_notifications', 'Notifications in the outbox by status (pending, failed)', ['status'], (g) =>
      this.collectOutbox(g),
    );
    metrics.scrapeGauge('rongrian_overdue_open_cases', 'Open cases past their due date, by kind', ['kind'], (g) => this.collectOverdue(g));
  }

  /** Before the HTTP server is ready, so that the hook sees every request. The worker process has no HTTP server. */
  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify?.addHook) return;
    fastify.addHook('onResponse', async (request, reply) => {
      const route = request.routeOptions?.url ?? 'unmatched';
      this.metrics.httpDuration.observe(
        { method: request.method, route, status: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    const server = createServer((req, res) => void this.serve(req.url ?? '', res));
    await new Promise<void>((resolve) => {
      server.once('error', (err) => {
        // Two processes on one host with the same METRICS_PORT: the second runs without metrics rather than not at all.
        this.logger.warn(`metrics not served on ${this.config.metrics.host}:${this.config.metrics.port}: ${err.message}`);
        resolve();
      });
      server.listen(this.config.metrics.port, this.config.metrics.host, () => {
        this.server = server;
        resolve();
      });
    });
  }

  /** The bound address, for a test that asked for port 0. */
  address(): AddressInfo | null {
    return (this.server?.address() as AddressInfo | null) ?? null;
  }

  private async serve(url: string, res: import('node:http').ServerResponse): Promise<void> {
    if (url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await this.metrics.registry.metrics();
      res.writeHead(200, { 'Content-Type': this.metrics.registry.contentType }).end(body);
    } catch (err) {
      res.writeHead(500).end(`metrics unavailable: ${(err as Error).message}`);
    }
  }

  private async collectQueues(g: Gauge<'queue' | 'state'>): Promise<void> {
    for (const name of Object.values(QUEUES)) {
      const queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      const counts = await queue.getJobCounts(...JOB_STATES);
      for (const state of JOB_STATES) g.set({ queue: name, state }, counts[state] ?? 0);
    }
  }

  private async collectOutbox(g: Gauge<'status'>): Promise<void> {
    g.set({ status: 'pending' }, 0);
    g.set({ status: 'failed' }, 0);
    for (const row of await this.repository.outboxByStatus()) g.set({ status: row.status }, row.n);
  }

  private async collectOverdue(g: Gauge<'kind'>): Promise<void> {
    g.set({ kind: 'general' }, 0);
    g.set({ kind: 'corruption' }, 0);
    for (const row of await this.repository.overdueOpenByKind(this.clock.now())) g.set({ kind: row.kind }, row.n);
  }

  async onApplicationShutdown(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
