import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { PublicRateLimit } from '../../../common/http/public-rate-limit.decorator';
import { localeFrom, pageContext } from '../../../views/page-context';
import { statisticsPage } from '../../../views/pages/statistics.page';
import { SettingsService } from '../../settings/settings.service';
import { PublicStatisticsService } from './public-statistics.service';

const YEARS_SHOWN = 5;

@ApiExcludeController()
@Controller()
export class StatisticsPagesController {
  constructor(
    private readonly settings: SettingsService,
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
    const ctx = pageContext(await this.settings.site(), localeFrom(lang), '/statistics', year !== current ? { fiscalYear: String(year) } : undefined);
    return statisticsPage(ctx, await this.statistics.statistics(year), years);
  }
}
