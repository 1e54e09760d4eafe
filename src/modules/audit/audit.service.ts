import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor } from '../../common/pagination/keyset-cursor';
import { Clock } from '../../common/time/clock';
import type { Tx } from '../../database/transactions';
import { AuditFilter, AuditRepository, AuditRow } from './audit.repository';
import type { AuditEntry } from './audit.types';

const DEFAULT_LIMIT = 50;

@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditRepository,
    private readonly clock: Clock,
  ) {}

  /**
   * Inside the caller's transaction when there is one, so that the act and
   * its record stand or fall together (a reveal without its audit row must
   * not exist).
   */
  record(entry: AuditEntry, tx?: Tx): Promise<void> {
    return this.audit.insert(tx?.manager ?? this.db.manager, entry, this.clock.now());
  }

  async page(
    filter: AuditFilter,
    limit = DEFAULT_LIMIT,
    cursor?: string,
  ): Promise<{ items: Array<Omit<AuditRow, 'cursorValue'>>; nextCursor: string | null }> {
    const rows = await this.audit.findPage(filter, limit + 1, cursor ? decodeCursor(cursor, 'bigint') : undefined);
    const items = rows.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map(({ cursorValue: _position, ...row }) => row),
      nextCursor: rows.length > limit && last ? encodeCursor({ value: last.cursorValue, id: last.id }) : null,
    };
  }
}
