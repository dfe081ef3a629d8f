import { pipeline, Transform } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '../../errors.ts';
import type { FileStore, StoredContent } from './files.ts';
import { acceptedType, FILE_KINDS, type FileKindName } from './kinds.ts';

/**
 * How much of the start of an upload is looked at to tell its type. Magic numbers sit in the first
 * bytes; an Office file (a ZIP) is told by its first entries ([Content_Types].xml, word/…), which
 * Office and WPS write first and which fit well within this.
 */
const SAMPLE_BYTES = 256 * 1024;

/** What an upload is checked against. */
export interface UploadRule {
  /** the kind whose types the content must have (and whose size limit holds until the type is known) */
  kind: FileKindName;
  /** the kind a file of that type is kept as, whose size limit then holds (a meeting's image is a photo) */
  classify?: (mime: string) => FileKindName;
}

/** An upload received into the store, checked, and not yet recorded as a file. */
export interface ReceivedUpload extends StoredContent {
  name: string;
  mime: string;
  kind: FileKindName;
}

/**
 * Checks bytes as they stream past: the type from the first SAMPLE_BYTES (by content, not by the name
 * or the client's claim), the size against the kind's limit at every chunk, and refuses an empty file.
 * Nothing refused reaches the store.
 */
class CheckedUpload extends Transform {
  private head: Buffer[] = [];
  private headBytes = 0;
  private size = 0;
  private limit: number;
  mime: string | null = null;
  kind: FileKindName;

  constructor(
    private readonly rule: UploadRule,
    private readonly name: string,
  ) {
    super();
    this.kind = rule.kind;
    this.limit = FILE_KINDS[rule.kind].maxBytes;
  }

  private async decide() {
    const sniffed = await fileTypeFromBuffer(Buffer.concat(this.head));
    const mime = acceptedType(this.rule.kind, sniffed?.mime, this.name);
    if (!mime) throw new AppError('file.type_not_allowed');
    this.mime = mime;
    this.kind = this.rule.classify?.(mime) ?? this.rule.kind;
    this.limit = FILE_KINDS[this.kind].maxBytes;
    if (this.size > this.limit) throw new AppError('file.too_large');
  }

  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null, c?: Buffer) => void) {
    this.size += chunk.length;
    if (this.size > this.limit) return done(new AppError('file.too_large'));
    if (this.mime) return done(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SAMPLE_BYTES) return done();
    this.decide().then(() => done(null, this.takeHead()), done);
  }

  override _flush(done: (e?: Error | null) => void) {
    if (this.size === 0) return done(new AppError('file.empty'));
    if (this.mime) return done();
    this.decide().then(() => {
      this.push(this.takeHead());
      done();
    }, done);
  }

  private takeHead() {
    const all = Buffer.concat(this.head);
    this.head = [];
    return all;
  }
}

/**
 * Receives the one file of a multipart upload straight into the store, checked as it streams: it is
 * never held whole in memory, and the kind's size limit (not one cap for every route) ends it as soon
 * as it is passed. A request with no file is refused as empty.
 */
export async function receiveUpload(
  req: FastifyRequest,
  store: FileStore,
  rule: UploadRule,
): Promise<ReceivedUpload> {
  // The parser is a backstop one byte past the largest kind the rule may end in; the check enforces
  // the kind's own limit.
  const largest = Math.max(
    FILE_KINDS[rule.kind].maxBytes,
    ...(rule.classify ? Object.values(FILE_KINDS).map((k) => k.maxBytes) : []),
  );
  const part = await req.file({ limits: { fileSize: largest + 1 }, throwFileSizeLimit: false });
  if (!part) throw new AppError('file.empty');
  const name = part.filename || 'upload';
  const checked = new CheckedUpload(rule, name);
  // A refusal destroys the part: the parser stops and the reply goes out without reading the rest.
  const stored = await store.put(pipeline(part.file, checked, () => {}));
  if (!checked.mime) throw new AppError('file.type_not_allowed');
  return { ...stored, name, mime: checked.mime, kind: checked.kind };
}

/**
 * Sends a stored file to a reader as a stream: never cached by the browser or a proxy (it may be
 * personal), shown in place when the browser can (images, PDF, video), otherwise downloaded under its
 * own name.
 */
export async function sendStoredFile(
  reply: FastifyReply,
  store: FileStore,
  file: { sha256: string; mime: string; name: string; size: number },
  disposition: 'by-type' | 'none' = 'by-type',
) {
  const content = await store.get(file.sha256);
  reply.type(file.mime).header('cache-control', 'private, no-store').header('content-length', file.size);
  if (disposition === 'by-type') {
    const inline = /^(image|video)\//.test(file.mime) || file.mime === 'application/pdf';
    reply.header(
      'content-disposition',
      `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    );
  }
  return reply.send(content);
}
