import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { CaseStatus } from '../cases';

/** What staff see of an attachment: never where it is stored. */
export interface AttachmentView {
  id: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  uploaderRole: string;
  createdAt: Date;
}

export interface StoredAttachment extends AttachmentView {
  storageKey: string;
  sha256: string;
}

export interface NewAttachmentRow {
  storageKey: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
}

export interface Uploader {
  /** Null for a citizen. */
  id: string | null;
  role: string;
}

export interface CitizenCase {
  id: string;
  status: CaseStatus;
}

export const CITIZEN_ROLE = 'citizen';

const VIEW_COLUMNS = `id, file_name AS "fileName", media_type AS "mediaType", size_bytes AS "sizeBytes",
  uploader_role AS "uploaderRole", created_at AS "createdAt"`;

/** The attachments table, in SQL: the rows are few and every query reads only what it needs. */
@Injectable()
export class AttachmentsRepository {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async insertMany(m: EntityManager, caseId: string, rows: NewAttachmentRow[], by: Uploader): Promise<AttachmentView[]> {
    const out: AttachmentView[] = [];
    for (const r of rows) {
      const [inserted]: AttachmentView[] = await m.query(
        // clock_timestamp(), not now(): files sent together keep the order they were sent in.
        `INSERT INTO attachments (case_id, storage_key, file_name, media_type, size_bytes, sha256, uploaded_by, uploader_role, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, clock_timestamp())
         RETURNING ${VIEW_COLUMNS}`,
        [caseId, r.storageKey, r.fileName, r.mediaType, r.sizeBytes, r.sha256, by.id, by.role],
      );
      out.push(inserted);
    }
    return out;
  }

  /** Oldest first, the order they were added to the file. */
  listByCase(caseId: string): Promise<AttachmentView[]> {
    return this.db.query(
      `SELECT ${VIEW_COLUMNS} FROM attachments WHERE case_id = $1 ORDER BY created_at, id`,
      [caseId],
    );
  }

  async findInCase(caseId: string, attachmentId: string): Promise<StoredAttachment | null> {
    const rows: StoredAttachment[] = await this.db.query(
      `SELECT ${VIEW_COLUMNS}, storage_key AS "storageKey", sha256
       FROM attachments WHERE id = $1 AND case_id = $2`,
      [attachmentId, caseId],
    );
    return rows[0] ?? null;
  }

  /** A general case by its tracking code; corruption cases are never reached this way. */
  async findCitizenCase(trackingCode: string): Promise<CitizenCase | null> {
    const rows: CitizenCase[] = await this.db.query(
      `SELECT id, status FROM cases WHERE tracking_code = $1 AND kind = 'general'`,
      [trackingCode],
    );
    return rows[0] ?? null;
  }

  /**
   * Locks the case against concurrent citizen uploads and status changes
   * until the caller's transaction ends. The count must be a separate
   * statement: one taken in the same statement would see the snapshot from
   * before the wait for the lock.
   */
  async lockCase(m: EntityManager, caseId: string): Promise<CitizenCase> {
    const rows: CitizenCase[] = await m.query(`SELECT id, status FROM cases WHERE id = $1 FOR NO KEY UPDATE`, [caseId]);
    if (!rows[0]) throw new Error(`case ${caseId} vanished`);
    return rows[0];
  }

  async countByRole(caseId: string, role: string, m: EntityManager = this.db.manager): Promise<number> {
    const [{ n }]: Array<{ n: number }> = await m.query(
      `SELECT count(*)::int AS n FROM attachments WHERE case_id = $1 AND uploader_role = $2`,
      [caseId, role],
    );
    return n;
  }
}
