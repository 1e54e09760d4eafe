import { Controller, Get, Header, Inject, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRateLimit } from '../../../common/http/public-rate-limit.decorator';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';
import { localeFrom, pageContext } from '../../../views/page-context';
import { statisticsPage } from '../../../views/pages/statistics.page';
import { PublicStatisticsService } from './public-statistics.service';

const YEARS_SHOWN = 5;

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly statistics: PublicStatisticsService,
  ) {}

  @Get('statistics')
  @PublicRateLimit()
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(@Query('fiscalYear') fiscalYear?: string, @Query('lang') lang?: string): Promise<string> {
    const current = this.statistics.currentFiscalYear();
    const years = Array.from({ length: YEARS_SHOWN }, (_, i) => current - i);
    const asked = Number(fiscalYear);
    const year = years.includes(asked) ? asked : current;
    const ctx = pageContext(this.config, localeFrom(lang), '/statistics', year !== current ? { fiscalYear: String(year) } : undefined);
    return statisticsPage(ctx, await this.statistics.statistics(year), years);
  }
}
