import { Controller, Get, Header, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { DomainError } from '../../common/errors/domain-error';
import { SiteLogoService } from './site-logo.service';

/** The logo, public; its address changes with it, so it may be kept for long. */
@ApiExcludeController()
@Controller('site')
export class SiteLogoController {
  constructor(private readonly logos: SiteLogoService) {}

  @Get('logo')
  @Header('Content-Type', 'image/png')
  @Header('Cache-Control', 'public, max-age=604800, immutable')
  async logo(@Res({ passthrough: true }) reply: FastifyReply): Promise<Buffer> {
    const png = await this.logos.png();
    if (!png) {
      reply.header('Cache-Control', 'no-store');
      throw DomainError.notFound('Logo');
    }
    return png;
  }
}
