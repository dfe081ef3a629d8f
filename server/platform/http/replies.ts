// What every module's routes do the same way with a request or a reply: the caller's locale, an export's
// caller and an .xlsx download. Uploads and stored files: platform/files/upload.ts.
import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Locale, localeOf } from '../../errors.ts';
import type { ExportCaller } from '../lists/export.ts';
import { type App, actorOf, authOf } from './types.ts';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The locale the caller asked for (Accept-Language): zh-CN unless it asks for English. */
export function requestLocale(req: { headers: Record<string, string | string[] | undefined> }): Locale {
  return localeOf(req.headers['accept-language'] as string | undefined);
}

/** A Content-Disposition for a download under a file name of any script (RFC 5987). */
export function attachment(fileName: string): string {
  return `attachment; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Sends an .xlsx file as a download: built in memory (a template), or streamed from an export. */
export function sendXlsx(
  reply: FastifyReply,
  file: { fileName: string } & ({ bytes: Buffer } | { stream: Readable }),
) {
  return reply
    .type(XLSX_TYPE)
    .header('content-disposition', attachment(file.fileName))
    .send('bytes' in file ? file.bytes : file.stream);
}

/** Who asks for an export, from where, in which language (platform/lists/export.ts). */
export function exportCaller(app: App, req: FastifyRequest): ExportCaller {
  return {
    db: app.db,
    config: app.config,
    auth: authOf(req),
    actor: actorOf(req),
    locale: requestLocale(req),
    log: (error) => req.log.error(error),
  };
}
