import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { SettingsController } from './settings.controller';
import { SettingsRepository } from './settings.repository';
import { SettingsService } from './settings.service';
import { SiteLogoController } from './site-logo.controller';
import { SiteLogoRepository } from './site-logo.repository';
import { SiteLogoService } from './site-logo.service';

@Module({
  imports: [AuditModule],
  controllers: [SettingsController, SiteLogoController],
  providers: [SettingsRepository, SettingsService, SiteLogoRepository, SiteLogoService],
  exports: [SettingsService, SiteLogoService],
})
export class SettingsModule {}
