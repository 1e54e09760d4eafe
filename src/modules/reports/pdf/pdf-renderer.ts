import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Browser } from 'playwright-core';
import { DomainError, ErrorCode } from '../../../common/errors/domain-error';
import { AppConfig } from '../../../config/app-config';
import { APP_CONFIG } from '../../../config/config.module';

/** PDFs made at once; more wait their turn (each is a Chromium page, tens of MB). */
const MAX_PARALLEL = 2;

/**
 * HTML to PDF with the Chromium of the host (Debian's package): Chromium
 * shapes Thai and breaks Thai lines by word, which the PDF libraries that
 * draw text themselves do not. One browser is started on first use and
 * kept; it loads nothing from the network (the document is self-contained).
 */
@Injectable()
export class PdfRenderer implements OnModuleDestroy {
  private readonly logger = new Logger(PdfRenderer.name);
  private browser?: Promise<Browser>;
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async render(documentHtml: string): Promise<Buffer> {
    await this.slot();
    try {
      const browser = await this.launch();
      const context = await browser.newContext({ javaScriptEnabled: false, offline: true });
      try {
        const page = await context.newPage();
        await page.setContent(documentHtml, { waitUntil: 'load' });
        return await page.pdf({ format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '20mm', right: '15mm' } });
      } finally {
        await context.close();
      }
    } finally {
      this.release();
    }
  }

  private launch(): Promise<Browser> {
    this.browser ??= import('playwright-core')
      .then(({ chromium }) =>
        chromium.launch({
          executablePath: this.config.reports.chromiumPath,
          args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
        }),
      )
      .then((b) => {
        b.on('disconnected', () => (this.browser = undefined));
        return b;
      })
      .catch((err: unknown) => {
        this.browser = undefined;
        this.logger.error(`Chromium did not start (${this.config.reports.chromiumPath}): ${err instanceof Error ? err.message : String(err)}`);
        throw new DomainError(ErrorCode.Unavailable, 'PDF export is unavailable: Chromium is not installed where the server runs (CHROMIUM_PATH)');
      });
    return this.browser;
  }

  private async slot(): Promise<void> {
    if (this.running < MAX_PARALLEL) {
      this.running++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.running--;
  }

  async onModuleDestroy(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await (await b.catch(() => null))?.close();
  }
}
