import { Injectable, OnApplicationBootstrap } from '@nestjs/common';
import type { NoticeRenderer } from './notice';
import { NOTIFICATION_TEMPLATES, NotificationTemplate } from './templates/catalogue';

/** Which module renders which mail: filled at start, checked complete before the first job runs. */
@Injectable()
export class MailTemplates implements OnApplicationBootstrap {
  private readonly renderers = new Map<NotificationTemplate, NoticeRenderer>();

  register(templates: readonly NotificationTemplate[], renderer: NoticeRenderer): void {
    for (const t of templates) {
      if (this.renderers.has(t)) throw new Error(`mail template "${t}" has two renderers`);
      this.renderers.set(t, renderer);
    }
  }

  rendererOf(template: NotificationTemplate): NoticeRenderer {
    const renderer = this.renderers.get(template);
    if (!renderer) throw new Error(`mail template "${template}" has no renderer`);
    return renderer;
  }

  onApplicationBootstrap(): void {
    const missing = NOTIFICATION_TEMPLATES.filter((t) => !this.renderers.has(t));
    if (missing.length) throw new Error(`mail templates without a renderer: ${missing.join(', ')}`);
  }
}
