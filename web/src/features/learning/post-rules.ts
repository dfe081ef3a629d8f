/** What the server accepts with a post (server/modules/learning/posts.service.ts and posts.schema.ts). */
export const TITLE_MAX = 200;
export const BODY_MAX = 20000;
export const REASON_MAX = 500;
