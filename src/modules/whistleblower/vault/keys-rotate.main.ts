import 'reflect-metadata';
import { DynamicModule, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { BootConfig, loadConfigOrExit } from '../../../config/app-config';
import { ConfigModule } from '../../../config/config.module';
import { DatabaseModule } from '../../../database/database.module';
import { IdentityCustody } from '../../cases';
import { IdentityVaultRepository } from './identity-vault.repository';
import { IdentityVault } from './identity-vault.service';
import { VaultKeys } from './vault-keys';

/** The vault and a database connection, nothing else: no queue, no Redis, no HTTP. */
@Module({})
class KeyRotationModule {
  static forRoot({ config, secrets }: BootConfig): DynamicModule {
    return {
      module: KeyRotationModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule.forRoot(secrets.databaseUrl)],
      providers: [{ provide: VaultKeys, useValue: new VaultKeys(secrets.identityKeys) }, IdentityCustody, IdentityVaultRepository, IdentityVault],
    };
  }
}

/**
 * `npm run keys:rotate`: put the new key first in IDENTITY_KEYS (keep the
 * old ones after it), restart the application, then run this; when it
 * reports every identity under the new key, the old keys can be removed.
 */
async function main() {
  const boot = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(KeyRotationModule.forRoot(boot), { logger: false });
  try {
    const { resealed, byKey } = await app.get(IdentityVault).rotate(app.get(DataSource));
    const current = boot.secrets.identityKeys[0].id;
    process.stdout.write(`Re-sealed ${resealed} identities under key "${current}". Identities by key: ${JSON.stringify(byKey)}\n`);
  } finally {
    await app.close();
  }
}

main().catch((err) => {
  process.stderr.write(`Key rotation failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
