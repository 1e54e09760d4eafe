import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { HealthDto } from './dto/health.dto';
import { HealthService } from './health.service';

@ApiTags('operations')
@Controller('api/v1/health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when Postgres and Redis both answer, 503 otherwise; for load balancers and compose. */
  @Get()
  @ApiOkResponse({ type: HealthDto, description: 'Postgres and Redis both answer' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'Postgres or Redis does not answer; `checks` says which' })
  async check(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthDto> {
    const report = await this.health.check();
    reply.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
