import { Injectable } from '@nestjs/common';
import type { Tx } from '../../database/transactions';

/** Who a complainant said they are; for a corruption case it is never written in clear. */
export interface ComplainantIdentity {
  name: string | null;
  email: string | null;
  phone: string | null;
  address: string | null;
}

/** The one place a corruption case's identity may go (the whistleblower vault). */
export interface IdentityKeeper {
  keep(tx: Tx, caseId: string, identity: ComplainantIdentity): Promise<void>;
}

/**
 * The seam between the register and the whistleblower vault: cases cannot
 * import the vault (it builds on cases), so the vault hands itself in at
 * start. Without a keeper a corruption case with an identity is refused,
 * never stored in clear.
 */
@Injectable()
export class IdentityCustody {
  private keeper: IdentityKeeper | null = null;

  provide(keeper: IdentityKeeper): void {
    if (this.keeper) throw new Error('two identity keepers');
    this.keeper = keeper;
  }

  keep(tx: Tx, caseId: string, identity: ComplainantIdentity): Promise<void> {
    if (!this.keeper) throw new Error('no identity vault is loaded: a corruption case cannot keep an identity');
    return this.keeper.keep(tx, caseId, identity);
  }
}
