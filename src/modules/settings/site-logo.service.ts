import { Injectable } from '@nestjs/common';
import { fromBuffer } from 'file-type';
import sharp from 'sharp';
import { ShortLivedCopy } from '../../common/cache/short-lived-copy';
import { DomainError } from '../../common/errors/domain-error';
import { Clock } from '../../common/time/clock';
import { Transactions } from '../../database/transactions';
import { AuditService } from '../audit/audit.service';
import type { StaffUser } from '../auth/staff-user';
import { SiteLogoRepository } from './site-logo.repository';

export const LOGO_FIELD = 'logo';
export const LOGO_MAX_BYTES = 512 * 1024;
const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'];
/** Shown at most this many pixels a side; a larger upload is scaled down once, here. */
const LOGO_BOX = 256;
/** A logo is small; more pixels than this is a decompression bomb, not a logo. */
const MAX_INPUT_PIXELS = 16_000_000;
export const LOGO_PATH = '/site/logo';

/**
 * The logo on the public pages. The upload is decoded and encoded again as
 * a PNG (no metadata, no script: an SVG is never accepted), and its address
 * carries the time of the change, so browsers keep it until it changes.
 */
@Injectable()
export class SiteLogoService {
  private readonly address = new ShortLivedCopy(async () => {
    const at = await this.logos.updatedAt();
    return at ? `${LOGO_PATH}?v=${at.getTime().toString(36)}` : null;
  });

  constructor(
    private readonly logos: SiteLogoRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  url(): Promise<string | null> {
    return this.address.get();
  }

  /** What this process last read, for a page that must render without the database. */
  lastKnownUrl(): string | null {
    return this.address.lastKnown() ?? null;
  }

  png(): Promise<Buffer | null> {
    return this.logos.png();
  }

  async save(actor: StaffUser, upload: Buffer): Promise<void> {
    if (!upload.length) throw DomainError.field(LOGO_FIELD, 'fileRequired', 'Choose an image file');
    if (upload.length > LOGO_MAX_BYTES) throw DomainError.field(LOGO_FIELD, 'logoTooLarge', `The logo must be at most ${LOGO_MAX_BYTES} bytes`);
    const type = await fromBuffer(upload).catch(() => undefined);
    if (!type || !LOGO_TYPES.includes(type.mime)) throw DomainError.field(LOGO_FIELD, 'logoType', 'The logo must be a PNG, JPEG or WebP image');
    let png: Buffer;
    try {
      png = await sharp(upload, { limitInputPixels: MAX_INPUT_PIXELS })
        .rotate()
        .resize(LOGO_BOX, LOGO_BOX, { fit: 'inside', withoutEnlargement: true })
        .png()
        .toBuffer();
    } catch {
      throw DomainError.field(LOGO_FIELD, 'logoUnreadable', 'The image could not be read');
    }
    await this.transactions.run(async (tx) => {
      await this.logos.save(tx.manager, png, actor.id, this.clock.now());
      await this.audit.record({ action: 'settings_change', actor: { id: actor.id, role: actor.role }, details: { groups: ['logo'] } }, tx);
    });
    this.address.forget();
  }

  async remove(actor: StaffUser): Promise<void> {
    await this.transactions.run(async (tx) => {
      if (!(await this.logos.remove(tx.manager))) return;
      await this.audit.record({ action: 'settings_change', actor: { id: actor.id, role: actor.role }, details: { groups: ['logo'], removed: true } }, tx);
    });
    this.address.forget();
  }
}
