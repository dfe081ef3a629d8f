import { type TObject, type TProperties, Type } from 'typebox';
import type { RouteAccess } from '../access/permissions.ts';
import { errorResponses, NoContent } from '../http/schemas.ts';
import { type App, actorOf, authOf } from '../http/types.ts';
import { AttachmentParams, AttachmentSchema } from './attachments.schema.ts';
import * as service from './attachments.service.ts';
import type { FileStore } from './files.ts';
import { FILE_KINDS, sizeInWords } from './kinds.ts';
import { receiveUpload, sendStoredFile } from './upload.ts';

/** Where and for whom a record type's files are served. */
export interface AttachmentRoutes<R> extends service.AttachmentSpec<R> {
  /** the files' path, with `:id` for the record: `/api/brands/:id/files` */
  path: string;
  tags: string[];
  /** who may list and download them, and who may add and remove them (the record's scope is checked too) */
  access: { read: RouteAccess; write: RouteAccess };
  /** the record in words, for the API reference: "a draft or returned application" */
  what: string;
  /** fields an upload's query carries for the module (the measure a piece of evidence is for) */
  uploadFields?: TObject<TProperties>;
}

const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** "Photo (JPEG, PNG, WebP) up to 10 MB or Attachment (…) up to 20 MB", from the one table. */
function takes(kinds: readonly string[]) {
  return kinds
    .map(
      (k) =>
        `${FILE_KINDS[k as keyof typeof FILE_KINDS].en} up to ${sizeInWords(FILE_KINDS[k as keyof typeof FILE_KINDS].maxBytes)}`,
    )
    .join(', or ');
}

/**
 * Registers a record type's files: list, upload (streamed, checked by the kind's type and size while
 * it arrives), download (streamed) and remove, each behind the record's permission and scope, each
 * change audited. No module writes these routes by hand.
 */
export function registerAttachments<R>(app: App, store: FileStore, spec: AttachmentRoutes<R>) {
  const { path, tags, access } = spec;
  const UploadQuery = Type.Object({
    ...(spec.kinds.length > 1 && {
      kind: Type.Optional(
        Type.Union(
          spec.kinds.map((k) => Type.Literal(k)),
          {
            description:
              'the kind of file; when omitted, an image is a photo and anything else an attachment',
          },
        ),
      ),
    }),
    caption: Type.Optional(Type.String({ maxLength: 200 })),
    ...spec.uploadFields?.properties,
  });

  app.get(path, {
    schema: {
      tags,
      summary: `The files of ${spec.what}, in the order they were added`,
      params: IdParams,
      response: { 200: Type.Array(AttachmentSchema), ...errorResponses },
    },
    config: { access: access.read },
    handler: async (req) => {
      await spec.load(app.db, authOf(req), req.params.id);
      return service.attachmentsOf(app.db, spec.recordType, req.params.id);
    },
  });

  app.post(path, {
    schema: {
      tags,
      summary: `Add a file to ${spec.what}: ${takes(spec.kinds)}`,
      consumes: ['multipart/form-data'],
      params: IdParams,
      querystring: UploadQuery,
      response: {
        201: AttachmentSchema,
        413: errorResponses[400],
        415: errorResponses[400],
        ...errorResponses,
      },
    },
    config: { access: access.write },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const query = req.query as service.UploadQuery;
      const record = await spec.writable(app.db, auth, req.params.id, query);
      const upload = await receiveUpload(req, store, service.uploadRule(spec.kinds, query.kind));
      reply.code(201);
      return service.attach(app.db, spec, auth, actorOf(req), req.params.id, record, upload, query);
    },
  });

  app.get(`${path}/:fileId`, {
    schema: { tags, summary: `Download a file of ${spec.what}`, params: AttachmentParams },
    config: { access: access.read },
    handler: async (req, reply) => {
      await spec.load(app.db, authOf(req), req.params.id);
      const file = await service.link(app.db, spec.recordType, req.params.id, req.params.fileId);
      return sendStoredFile(reply, store, { ...file, size: Number(file.size) });
    },
  });

  app.delete(`${path}/:fileId`, {
    schema: {
      tags,
      summary: `Take a file off ${spec.what}`,
      params: AttachmentParams,
      response: { 204: NoContent, ...errorResponses },
    },
    config: { access: access.write },
    handler: async (req, reply) => {
      await service.detach(app.db, spec, authOf(req), actorOf(req), req.params.id, req.params.fileId);
      return reply.code(204).send(null);
    },
  });
}
