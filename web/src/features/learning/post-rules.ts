/** What the server accepts with a post (server/modules/learning/posts.service.ts and posts.schema.ts). */
export const PHOTO_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_BYTES = 20 * 1024 * 1024;
export const ATTACHMENT_TYPES =
  'image/jpeg,image/png,image/webp,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const REASON_MAX = 500;
