import { Injectable } from '@nestjs/common';
import { ShortLivedCopy } from '../../common/cache/short-lived-copy';
import type { CaseKind } from '../cases';
import { CategoriesRepository } from './categories.repository';
import { Category } from './category.entity';

/**
 * The categories a filing may name, held by the process: nearly every
 * filing names one, and looking it up by a query of its own was half the
 * statements a busy intake sent to the database. A category this process
 * creates, changes or retires shows at once (`CategoriesService` forgets
 * the copy); another process's change, within a few seconds.
 */
@Injectable()
export class ActiveCategories {
  private readonly copy = new ShortLivedCopy(() => this.categories.listActive());

  constructor(private readonly categories: CategoriesRepository) {}

  async byCode(code: string, kind: CaseKind): Promise<Category | null> {
    return (await this.copy.get()).find((c) => c.code === code && c.kind === kind) ?? null;
  }

  /** In the order a form shows them: by Thai name. */
  async list(kind: CaseKind): Promise<Category[]> {
    return (await this.copy.get()).filter((c) => c.kind === kind);
  }

  forget(): void {
    this.copy.forget();
  }
}
