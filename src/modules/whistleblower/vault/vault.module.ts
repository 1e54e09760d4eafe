import { DynamicModule, Module } from '@nestjs/common';
import type { IdentityKey } from '../../../config/app-config';
import { CasesModule } from '../../cases/cases.module';
import { IdentityVaultRepository } from './identity-vault.repository';
import { IdentityVault } from './identity-vault.service';
import { VaultKeys } from './vault-keys';

/**
 * The whistleblower identity vault. IDENTITY_KEYS are handed to this module
 * alone (src/architecture.spec.ts checks it); the rest of the channel gets
 * only what is derived from them.
 */
@Module({})
export class VaultModule {
  static forRoot(options: { identityKeys: IdentityKey[] }): DynamicModule {
    return {
      module: VaultModule,
      global: true,
      imports: [CasesModule],
      providers: [{ provide: VaultKeys, useValue: new VaultKeys(options.identityKeys) }, IdentityVaultRepository, IdentityVault],
      exports: [IdentityVault, VaultKeys],
    };
  }
}
