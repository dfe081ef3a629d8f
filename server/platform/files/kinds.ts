/*
 * What each kind of upload may be and weigh: the one table of file limits. The server enforces it
 * while an upload streams in (server/platform/files/upload.ts); the console's pickers read the same
 * module (web/src/components/file-kinds.ts), and the README states these figures. Pure data: no Node
 * imports, so the browser bundle can take it.
 */

const MB = 1024 * 1024;

const JPEG = 'image/jpeg';
const PNG = 'image/png';
const WEBP = 'image/webp';
const PDF = 'application/pdf';
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';

/** One type a kind takes: as sniffed from the content, stored under `as` when given. */
export interface AcceptedType {
  /** the type the content sniffs as (file-type's answer) */
  sniffed: string;
  /** the type the file is kept as, when it differs from the sniffed one */
  as?: string;
  /** the file name must end so (an OLE compound file is a Word .doc only by its name) */
  extensions?: readonly string[];
}

/** A kind of upload. */
export interface FileKind {
  /** the largest file, in bytes */
  maxBytes: number;
  /** what the content may sniff as */
  types: readonly AcceptedType[];
  /**
   * text files have no magic bytes: accepted by these name endings when the content sniffs as no
   * known binary type, and kept as `textAs`
   */
  textExtensions?: readonly string[];
  textAs?: string;
  /** what a browser's file picker offers (the `accept` attribute) */
  accept: string;
  zh: string;
  en: string;
}

const types = (...mimes: string[]): AcceptedType[] => mimes.map((sniffed) => ({ sniffed }));

/**
 * The kinds. Photos are pictures of people and events taken with a phone (10 MB is a 48-megapixel
 * JPEG); attachments and evidence are scans and office files; a lesson is a recorded video of up to
 * about an hour at 720p (200 MB); a spreadsheet is an import of the roster (50 MB holds about 400,000
 * rows of .xlsx).
 */
export const FILE_KINDS = {
  /** a photo (照片): of a cadre, of a meeting, of a post */
  photo: {
    maxBytes: 10 * MB,
    types: types(JPEG, PNG, WEBP),
    accept: [JPEG, PNG, WEBP].join(','),
    zh: '照片（JPEG、PNG、WebP）',
    en: 'Photo (JPEG, PNG, WebP)',
  },
  /** what is kept with a record (minutes, sign-in sheets, application papers): images, PDF, Word .docx */
  attachment: {
    maxBytes: 20 * MB,
    types: types(JPEG, PNG, WEBP, PDF, DOCX),
    accept: [JPEG, PNG, WEBP, PDF, DOCX].join(','),
    zh: '附件（图片、PDF、Word .docx）',
    en: 'Attachment (image, PDF, Word .docx)',
  },
  /**
   * supporting evidence (佐证材料) of an assessment: images, PDF, Word (.docx, and the old .doc, which
   * sniffs as an OLE compound file) and Excel .xlsx
   */
  evidence: {
    maxBytes: 20 * MB,
    types: [
      ...types(JPEG, PNG, WEBP, PDF, DOCX, XLSX),
      { sniffed: 'application/x-cfb', as: 'application/msword', extensions: ['.doc'] },
    ],
    accept: [JPEG, PNG, WEBP, PDF, DOCX, XLSX, 'application/msword', '.doc', '.docx', '.xlsx'].join(','),
    zh: '佐证材料（图片、PDF、Word、Excel .xlsx）',
    en: 'Evidence (image, PDF, Word, Excel .xlsx)',
  },
  /** a cloud lesson (云端党课) given as a file: a video (MP4, WebM), PDF, Word .docx or PowerPoint .pptx */
  lesson: {
    maxBytes: 200 * MB,
    types: types('video/mp4', 'video/webm', PDF, DOCX, PPTX),
    accept: ['video/mp4', 'video/webm', PDF, DOCX, PPTX].join(','),
    zh: '党课文件（MP4、WebM 视频，PDF、Word .docx、PowerPoint .pptx）',
    en: 'Lesson file (MP4 or WebM video, PDF, Word .docx, PowerPoint .pptx)',
  },
  /** a roster import: .xlsx (which may sniff as a plain ZIP) or .csv */
  spreadsheet: {
    maxBytes: 50 * MB,
    types: [{ sniffed: XLSX }, { sniffed: 'application/zip', as: XLSX }],
    textExtensions: ['.csv'],
    textAs: 'text/csv',
    accept: [XLSX, '.xlsx', '.csv', 'text/csv'].join(','),
    zh: '表格（Excel .xlsx、CSV）',
    en: 'Spreadsheet (Excel .xlsx, CSV)',
  },
} as const satisfies Record<string, FileKind>;

export type FileKindName = keyof typeof FILE_KINDS;

/** The largest upload of any kind: the multipart parser's own ceiling. */
export const LARGEST_UPLOAD_BYTES = Math.max(...Object.values(FILE_KINDS).map((k) => k.maxBytes));

/** A size in words, as the README and the console say it (20 MB). */
export function sizeInWords(bytes: number): string {
  return bytes >= MB ? `${Math.round((bytes / MB) * 10) / 10} MB` : `${Math.ceil(bytes / 1024)} KB`;
}

/**
 * The type a file is kept as when a kind takes it, or null when refused. `sniffed` is what the
 * content looks like (undefined when it is no known binary type, as plain text).
 */
export function acceptedType(kind: FileKindName, sniffed: string | undefined, name: string): string | null {
  const rule: FileKind = FILE_KINDS[kind];
  const lower = name.toLowerCase();
  if (sniffed) {
    const t = rule.types.find(
      (x) => x.sniffed === sniffed && (!x.extensions || x.extensions.some((e) => lower.endsWith(e))),
    );
    return t ? (t.as ?? t.sniffed) : null;
  }
  if (rule.textExtensions?.some((e) => lower.endsWith(e))) return rule.textAs ?? 'text/plain';
  return null;
}

/** Whether a stored file's type is one a kind takes (a file reused for another purpose). */
export function isOfKind(mime: string, kind: FileKindName): boolean {
  const rule: FileKind = FILE_KINDS[kind];
  return rule.types.some((t) => (t.as ?? t.sniffed) === mime) || rule.textAs === mime;
}
