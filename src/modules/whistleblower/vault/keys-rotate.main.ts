import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../../../app.module';
import { loadConfigOrExit } from '../../../config/app-config';
import { IdentityVault } from './identity-vault.service';

/**
 * `npm run keys:rotate`: put the new key first in IDENTITY_KEYS (keep the
 * old ones after it), restart the application, then run this; when it
 * reports every identity under the new key, the old keys can be removed.
 */
async function main() {
  const boot = loadConfigOrExit();
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(boot, { workers: false }), { logger: false });
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
