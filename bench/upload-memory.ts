/**
 * Memory an upload costs the server: a 150 MB lesson video sent over HTTP to a route that reads it
 * whole (as every upload route did before decision 0014) and to one that streams it into the store
 * (receiveUpload). Prints the peak growth of the JavaScript heap and Buffer memory (heapUsed +
 * external) during each, the sender included (it holds one 256 KB chunk at a time). Run:
 * `node --expose-gc --import tsx bench/upload-memory.ts`.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import Fastify from 'fastify';
import { DiskFileStore } from '../server/platform/files/files.ts';
import { LARGEST_UPLOAD_BYTES } from '../server/platform/files/kinds.ts';
import { receiveUpload } from '../server/platform/files/upload.ts';

const SIZE = 150 * 1024 * 1024;
const CHUNK = 256 * 1024;
const MP4_HEAD = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'xinyao-upload-bench-'));
const store = new DiskFileStore(root);

const app = Fastify({ logger: false });
await app.register(fastifyMultipart, { limits: { fileSize: LARGEST_UPLOAD_BYTES + 1, files: 1 } });
app.post('/whole', async (req) => {
  const part = await req.file();
  const bytes = (await part?.toBuffer()) ?? Buffer.alloc(0);
  await fs.promises.writeFile(path.join(root, 'whole.bin'), bytes);
  return { size: bytes.length };
});
app.post('/streamed', async (req) => {
  const got = await receiveUpload(req, store, { kind: 'lesson' });
  return { size: got.size };
});
const address = await app.listen({ port: 0, host: '127.0.0.1' });

/** One chunk, sent again and again: the sender allocates nothing per chunk, so what grows is the server's. */
const FILLER = Buffer.alloc(CHUNK, 7);
const FIRST = Buffer.concat([MP4_HEAD, FILLER.subarray(MP4_HEAD.length)]);

/** A multipart body generated chunk by chunk, so the sender holds no more than one chunk. */
function body(boundary: string) {
  let sent = 0;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="lesson.mp4"\r\nContent-Type: video/mp4\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(head);
    },
    pull(controller) {
      if (sent >= SIZE) {
        controller.enqueue(tail);
        controller.close();
        return;
      }
      const n = Math.min(CHUNK, SIZE - sent);
      controller.enqueue((sent === 0 ? FIRST : FILLER).subarray(0, n));
      sent += n;
    },
  });
}

async function measure(route: string) {
  global.gc?.();
  const used = () => {
    const m = process.memoryUsage();
    return m.heapUsed + m.external;
  };
  const base = used();
  let peak = base;
  const timer = setInterval(() => {
    peak = Math.max(peak, used());
  }, 5);
  const started = performance.now();
  const boundary = '----xinyaobench';
  const res = await fetch(`${address}${route}`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    body: body(boundary),
    duplex: 'half',
  } as RequestInit);
  const reply = (await res.json()) as { size: number };
  clearInterval(timer);
  const ms = performance.now() - started;
  return {
    route,
    status: res.status,
    size: reply.size,
    peakGrowthMb: Math.round((peak - base) / 1048576),
    ms: Math.round(ms),
  };
}

const results = [await measure('/streamed'), await measure('/whole'), await measure('/streamed')];
console.table(results);
await app.close();
fs.rmSync(root, { recursive: true, force: true });
