// What every module's routes do the same way with a request or a reply: the caller's locale and an
// .xlsx download. Uploads and stored files: platform/files/upload.ts.
import type { FastifyReply } from 'fastify';
import { type Locale, localeOf } from '../../errors.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The locale the caller asked for (Accept-Language): zh-CN unless it asks for English. */
export function requestLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  return localeOf(req.headers['accept-language'] as string | undefined);
}

/** A Content-Disposition for a download under a file name of any script (RFC 5987). */
export function attachment(fileName: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends an .xlsx file built in memory as a download. */
export function sendXlsx(reply: FastifyReply, file: { bytes: Buffer; fileName: string }) {
  return reply.type(XLSX_TYPE).header('content-disposition', attachment(file.fileName)).send(file.bytes);
}
