import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';

/** Where a stored content lives, and how long it is. */
export interface StoredContent {
  /** hex SHA-256 of the bytes: their address in the store */
  sha256: string;
  size: number;
}

/**
 * Where file contents live. Content-addressed by SHA-256: the same bytes are stored once. Contents go
 * in and come out as streams, so a 200 MB lesson video never sits in memory. The disk store is the
 * default; an object store implements the same three methods.
 */
export interface FileStore {
  /** Stores a stream's bytes; when the stream fails, nothing of it stays. */
  put(content: Readable): Promise<StoredContent>;
  /** The stored bytes (file.not_found when they are missing). */
  get(sha256: string): Promise<Readable>;
  has(sha256: string): Promise<boolean>;
}

/** Counts and hashes the bytes passing through. */
class Digest extends Transform {
  readonly hash = createHash('sha256');
  size = 0;
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: (e?: Error | null, c?: Buffer) => void) {
    this.hash.update(chunk);
    this.size += chunk.length;
    done(null, chunk);
  }
}

/**
 * Files under `root/ab/abcdef…`. A content is written to `root/tmp/` while it is hashed, then renamed
 * into place, so a reader never sees half a file and a failed upload leaves nothing behind.
 */
export class DiskFileStore implements FileStore {
  constructor(private readonly root: string) {}

  private where(sha256: string) {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new AppError('file.not_found');
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }

  async put(content: Readable): Promise<StoredContent> {
    const tmpDir = path.join(this.root, 'tmp');
    await fs.promises.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, `${randomUUID()}.tmp`);
    const digest = new Digest();
    try {
      await pipeline(content, digest, fs.createWriteStream(tmp, { flags: 'wx' }));
      const sha256 = digest.hash.digest('hex');
      const file = this.where(sha256);
      if (fs.existsSync(file)) {
        await fs.promises.rm(tmp, { force: true });
      } else {
        await fs.promises.mkdir(path.dirname(file), { recursive: true });
        await fs.promises.rename(tmp, file);
      }
      return { sha256, size: digest.size };
    } catch (error) {
      await fs.promises.rm(tmp, { force: true });
      throw error;
    }
  }

  async get(sha256: string): Promise<Readable> {
    const file = this.where(sha256);
    try {
      const handle = await fs.promises.open(file, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('file.not_found');
      throw error;
    }
  }

  async has(sha256: string) {
    return fs.existsSync(this.where(sha256));
  }
}

/** A stored content read whole: only for what must be parsed as one piece (an import's spreadsheet). */
export async function readWhole(store: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.get(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Records a stored content as a file (its name, type and uploader); returns its id. */
export async function recordFile(
  db: Kysely<Database>,
  file: StoredContent & { name: string; mime: string; userId: number | null },
): Promise<number> {
  const row = await db
    .insertInto('files')
    .values({
      sha256: file.sha256,
      size: file.size,
      mime: file.mime,
      name: file.name.slice(0, 200),
      created_by: file.userId,
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A stored file's record. */
export async function findFile(db: Kysely<Database>, id: number) {
  return db.selectFrom('files').selectAll().where('id', '=', id).executeTakeFirst();
}
