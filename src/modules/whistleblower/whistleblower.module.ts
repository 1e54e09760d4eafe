import { DynamicModule, Inject, Module, OnModuleDestroy } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { Redis } from 'ioredis';
import { redisOptionsFromUrl } from '../../common/redis/redis-options';
import { AuditModule } from '../audit/audit.module';
import { CasesModule } from '../cases/cases.module';
import { SettingsModule } from '../settings/settings.module';
import { ChannelLimits } from './channel-limits';
import { CHANNEL_REDIS } from './channel-redis';
import { WhistleblowerNotices } from './notices/whistleblower-notices';
import { PowChallenges } from './pow-challenges';
import { ReceiptHasher } from './receipt-hasher';
import { ReportDetailsController } from './report-details.controller';
import { ReceiptTokenGuard } from './receipt-token.guard';
import { ReceiptTokens } from './receipt-tokens';
import { IdentityRevealController } from './reveal/identity-reveal.controller';
import { IdentityRevealService } from './reveal/identity-reveal.service';
import { RevealRequestsRepository } from './reveal/reveal-requests.repository';
import { WhistleblowerController } from './whistleblower.controller';
import { WhistleblowerPagesController } from './whistleblower-pages.controller';
import { WhistleblowerRepository } from './whistleblower.repository';
import { WhistleblowerService } from './whistleblower.service';

/**
 * The separate whistleblower channel (issue 9): reports, receipts, messages,
 * reveals. Its keys come from the vault (VaultModule); its Redis connection
 * is its own, so that its limits hold whatever the public limiter does.
 */
@Module({})
export class WhistleblowerModule implements OnModuleDestroy {
  constructor(@Inject(CHANNEL_REDIS) private readonly redis: Redis) {}

  static forRoot(options: { redisUrl: string }): DynamicModule {
    return {
      module: WhistleblowerModule,
      // The staff console's case page shows the report's fields and reveals through the same service as the API.
      global: true,
      imports: [CasesModule, SettingsModule, AuditModule, JwtModule.register({})],
      controllers: [WhistleblowerController, WhistleblowerPagesController, IdentityRevealController, ReportDetailsController],
      providers: [
        {
          provide: CHANNEL_REDIS,
          // Lazy: a worker process loads this module but never serves the channel.
          useFactory: () =>
            new Redis({ ...redisOptionsFromUrl(options.redisUrl), connectTimeout: 2000, maxRetriesPerRequest: 1, lazyConnect: true }),
        },
        ChannelLimits,
        IdentityRevealService,
        PowChallenges,
        ReceiptHasher,
        ReceiptTokenGuard,
        ReceiptTokens,
        RevealRequestsRepository,
        WhistleblowerNotices,
        WhistleblowerRepository,
        WhistleblowerService,
      ],
      exports: [IdentityRevealService, WhistleblowerRepository],
    };
  }

  onModuleDestroy(): void {
    this.redis.disconnect();
  }
}
