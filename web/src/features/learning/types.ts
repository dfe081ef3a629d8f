import type { QueryParams, RequestBody, ResponseBody } from '../../api/types';

/*
 * The learning module's API types (server/modules/learning/*.schema.ts), from the generated schema.
 */

export type Lesson = ResponseBody<'/api/learning/lessons/{id}', 'get'>;
export type LessonFile = NonNullable<Lesson['file']>;
export type LessonKind = Lesson['kind'];
export type ListLessonsQuery = QueryParams<'/api/learning/lessons', 'get'>;
export type LessonSort = NonNullable<ListLessonsQuery['sort']>;
export type CreateLessonBody = RequestBody<'/api/learning/lessons', 'post'>;
export type UpdateLessonBody = RequestBody<'/api/learning/lessons/{id}', 'patch'>;
export type LessonYearStats = ResponseBody<'/api/learning/lessons/stats', 'get'>;
export type LearningRecord = ResponseBody<'/api/learning/records', 'get'>['items'][number];
export type ListRecordsQuery = QueryParams<'/api/learning/records', 'get'>;
export type CreateRecordBody = RequestBody<'/api/learning/lessons/{id}/records', 'post'>;

export type Programme = ResponseBody<'/api/learning/programmes/{id}', 'get'>;
export type ProgrammeStats = ResponseBody<'/api/learning/programmes/stats', 'get'>[number];
export type CreateProgrammeBody = RequestBody<'/api/learning/programmes', 'post'>;
export type UpdateProgrammeBody = RequestBody<'/api/learning/programmes/{id}', 'patch'>;
export type Session = Programme['sessions'][number];
export type CreateSessionBody = RequestBody<'/api/learning/programmes/{id}/sessions', 'post'>;
export type Attendee = ResponseBody<'/api/learning/sessions/{id}/attendance', 'get'>[number];

export type Post = ResponseBody<'/api/learning/posts/{id}', 'get'>;
export type PostState = Post['state'];
export type PostFile = Post['files'][number];
export type ListPostsQuery = QueryParams<'/api/learning/posts', 'get'>;
export type PostSort = NonNullable<ListPostsQuery['sort']>;
export type CreatePostBody = RequestBody<'/api/learning/posts', 'post'>;
export type UpdatePostBody = RequestBody<'/api/learning/posts/{id}', 'patch'>;
export type PostRead = ResponseBody<'/api/learning/posts/{id}/reads', 'get'>[number];
