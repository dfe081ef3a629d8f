import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../http/schemas.ts';

/** The kinds of file a record keeps (platform/files/kinds.ts): photo (照片), attachment (附件), evidence (佐证材料). */
export const AttachmentKind = Type.Union([
  Type.Literal('photo'),
  Type.Literal('attachment'),
  Type.Literal('evidence'),
]);
export type AttachmentKind = Static<typeof AttachmentKind>;

/** A file kept with a record. */
export const AttachmentSchema = Type.Object(
  {
    /** the stored file's id: the download is the record's files path followed by /{fileId} */
    fileId: Type.Integer(),
    kind: AttachmentKind,
    caption: Nullable(Type.String()),
    name: Type.String(),
    mime: Type.String(),
    size: Type.Integer(),
    createdAt: Instant,
  },
  { $id: 'Attachment' },
);
export type Attachment = Static<typeof AttachmentSchema>;

export const AttachmentParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  fileId: Type.Integer({ minimum: 1 }),
});
