import type { FieldError } from '../../common/errors/domain-error';
import type { StagedFile } from './upload-staging';

/** The multipart field that carries the files, on the API and on the web form. */
export const FILES_FIELD = 'files';
export const MAX_FILES_PER_REQUEST = 5;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** Citizens may add files until the case is settled, this many in all (those sent with the form count). */
export const MAX_CITIZEN_FILES_PER_CASE = 5;

/** For @fastify/multipart (busboy); the rules above are checked again, with clear answers, by the service. */
export const MULTIPART_LIMITS = {
  fileSize: MAX_FILE_BYTES,
  files: MAX_FILES_PER_REQUEST,
  // The complaint form has ten text fields; its longest (10,000 Thai characters) is under 30 KB.
  fields: 20,
  fieldSize: 64 * 1024,
  parts: 30,
  headerPairs: 50,
} as const;

/** One file as it arrived, before anything is believed about it. */
export interface ReceivedFile {
  /** As the client named it; used for messages and, cleaned, the download name. */
  fileName: string;
  declaredType: string;
  /** In storage, not yet recorded; null when the file went over the size limit (what came was removed). */
  stored: StagedFile | null;
  tooLarge: boolean;
}

export interface ReceivedUpload {
  /** Text fields the caller asked for, first value of each. */
  fields: Record<string, string>;
  /** Text fields cut at the field size limit. */
  truncatedFields: string[];
  files: ReceivedFile[];
  /** More files were sent than a request may carry; those past the limit were not read. */
  tooManyFiles: boolean;
  /** Fields nobody asked for, or a `files` part sent without a file name. */
  unexpectedFields: string[];
}

export type FileProblemCode =
  | 'fileTooLarge'
  | 'fileEmpty'
  | 'fileType'
  | 'fileMetadata'
  | 'maxFiles'
  | 'fileRequired'
  | 'unknownField';

export interface FileProblem {
  field: string;
  code: FileProblemCode;
  fileName?: string;
}

/** The count and size rules, which need no look at the content. */
export function countAndSizeProblems(upload: ReceivedUpload, required: boolean): FileProblem[] {
  const problems: FileProblem[] = upload.unexpectedFields.map((field) => ({ field, code: 'unknownField' }));
  if (upload.tooManyFiles || upload.files.length > MAX_FILES_PER_REQUEST) {
    problems.push({ field: FILES_FIELD, code: 'maxFiles' });
  } else if (required && upload.files.length === 0) {
    problems.push({ field: FILES_FIELD, code: 'fileRequired' });
  }
  for (const f of upload.files) {
    if (f.tooLarge) problems.push({ field: FILES_FIELD, code: 'fileTooLarge', fileName: f.fileName });
    else if (!f.stored?.size) problems.push({ field: FILES_FIELD, code: 'fileEmpty', fileName: f.fileName });
  }
  return problems;
}

const MB = MAX_FILE_BYTES / (1024 * 1024);

/** English, for the API's `details`; the web form words them from the i18n messages instead. */
export function describeProblem(p: FileProblem): FieldError {
  const name = JSON.stringify(p.fileName ?? '');
  const message = {
    fileTooLarge: `${p.field}: ${name} is larger than ${MB} MB; each file may be at most ${MB} MB (${MAX_FILE_BYTES} bytes)`,
    fileEmpty: `${p.field}: ${name} is empty`,
    fileType: `${p.field}: ${name} is not an accepted type, judged by its content: JPEG, PNG, GIF, WebP or HEIC images, PDF, Word, Excel, PowerPoint or OpenDocument files`,
    fileMetadata: `${p.field}: ${name} is not accepted here because its hidden details (such as where a photo was taken) cannot be removed from it; send photos as JPEG, PNG, WebP or GIF`,
    maxFiles: `${p.field}: at most ${MAX_FILES_PER_REQUEST} files may be sent at once`,
    fileRequired: `${p.field}: attach at least one file`,
    unknownField: `${p.field} is not expected here; send the files in the field "${FILES_FIELD}", each with a file name`,
  }[p.code];
  return { field: p.field, code: p.code, message };
}
