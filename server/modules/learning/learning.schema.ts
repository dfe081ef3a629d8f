import { type Static, Type } from 'typebox';
import { Nullable, PageOf } from '../../platform/http/schemas.ts';
import { SortParam } from '../../platform/lists/sort.ts';

const DateString = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Id = Type.Integer({ minimum: 1 });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const Title = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });

/** How a lesson is given: a video link, an uploaded file's link, or a text (云端党课). */
export const LessonKind = Type.Union([Type.Literal('video'), Type.Literal('text'), Type.Literal('file')]);
export type LessonKind = Static<typeof LessonKind>;

/** An uploaded lesson file (a video, PDF, Word or PowerPoint), downloaded from the lesson's `file` address. */
export const LessonFileSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
});
export type LessonFile = Static<typeof LessonFileSchema>;

export const LessonSchema = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer({ description: "the publisher's org" }),
  title: Type.String(),
  kind: LessonKind,
  url: Nullable(Type.String()),
  body: Nullable(Type.String()),
  file: Nullable(LessonFileSchema),
  publishedOn: DateString,
  views: Type.Integer({ description: 'times opened (浏览次数)' }),
  learners: Type.Integer({ description: 'distinct cadres with a learning record (学习人数)' }),
});
export type Lesson = Static<typeof LessonSchema>;
export const LessonPageSchema = PageOf(LessonSchema);

export const LESSON_SORT_FIELDS = ['publishedOn', 'title', 'views', 'id'] as const;
export type LessonSortField = (typeof LESSON_SORT_FIELDS)[number];

const lessonFilters = {
  /** part of the title */
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(LessonKind),
  /** the year of publication */
  year: Type.Optional(Year),
  sort: Type.Optional(SortParam(LESSON_SORT_FIELDS)),
};

export const ListLessonsQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  ...lessonFilters,
});
export type ListLessonsQuery = Static<typeof ListLessonsQuery>;
export const ExportLessonsQuery = Type.Object(lessonFilters);
export type ExportLessonsQuery = Static<typeof ExportLessonsQuery>;

export const CreateLessonBody = Type.Object({
  orgId: Id,
  title: Title(200),
  kind: LessonKind,
  /** a web link (http or https only: a `javascript:` link would run in the reader's console); '' for none */
  url: Type.Optional(Nullable(Type.String({ maxLength: 1000, pattern: '^(https?://\\S+)?$' }))),
  body: Type.Optional(Nullable(Type.String({ maxLength: 100000 }))),
  /** a file uploaded first (POST /api/learning/lesson-files) by the same user, instead of a link */
  fileId: Type.Optional(Nullable(Id)),
  publishedOn: DateString,
});
export type CreateLessonBody = Static<typeof CreateLessonBody>;

export const UpdateLessonBody = Type.Partial(Type.Omit(CreateLessonBody, ['orgId']));
export type UpdateLessonBody = Static<typeof UpdateLessonBody>;

export const ViewsSchema = Type.Object({ id: Type.Integer(), views: Type.Integer() });

export const LearningRecordSchema = Type.Object({
  id: Type.Integer(),
  lessonId: Type.Integer(),
  lessonTitle: Type.String(),
  cadreId: Type.Integer(),
  cadreName: Type.String(),
  learnedOn: DateString,
  minutes: Type.Integer(),
});
export type LearningRecord = Static<typeof LearningRecordSchema>;

export const LearningRecordPageSchema = PageOf(LearningRecordSchema);

const recordFilters = {
  lessonId: Type.Optional(Id),
  cadreId: Type.Optional(Id),
  /** part of the lesson's title */
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  /** the year studied */
  year: Type.Optional(Year),
};

export const ListRecordsQuery = Type.Object({
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  ...recordFilters,
});
export type ListRecordsQuery = Static<typeof ListRecordsQuery>;
export const ExportRecordsQuery = Type.Object(recordFilters);
export type ExportRecordsQuery = Static<typeof ExportRecordsQuery>;

export const CreateRecordBody = Type.Object({
  cadreId: Id,
  learnedOn: DateString,
  minutes: Type.Integer({ minimum: 1, maximum: 1440 }),
});
export type CreateRecordBody = Static<typeof CreateRecordBody>;

export const YearQuery = Type.Object({ year: Year });
export type YearQuery = Static<typeof YearQuery>;

/** A year's lessons in the caller's scope: published, opened, studied. */
export const LessonYearStatsSchema = Type.Object({
  year: Type.Integer(),
  lessons: Type.Integer({ description: 'lessons published in the year' }),
  views: Type.Integer({ description: 'views of those lessons' }),
  records: Type.Integer({ description: 'learning records dated in the year' }),
  learners: Type.Integer({ description: 'distinct cadres with a record in the year' }),
});

export const ProgrammeSchema = Type.Object({
  id: Type.Integer(),
  orgId: Type.Integer(),
  name: Type.String(),
  code: Type.String({ description: "the programme's identifier: 'touyan' (头雁工程)…" }),
  year: Type.Integer(),
});
export type Programme = Static<typeof ProgrammeSchema>;

export const SessionSchema = Type.Object({
  id: Type.Integer(),
  programmeId: Type.Integer(),
  heldOn: DateString,
  title: Type.String(),
  place: Nullable(Type.String()),
  hours: Type.Number(),
  attendance: Type.Integer({ description: 'person-times (人次) of the session' }),
});
export type Session = Static<typeof SessionSchema>;

export const ProgrammeDetailSchema = Type.Object({
  ...ProgrammeSchema.properties,
  sessions: Type.Array(SessionSchema),
});

export const ListProgrammesQuery = Type.Object({
  year: Type.Optional(Year),
  code: Type.Optional(Type.String({ maxLength: 40 })),
});
export type ListProgrammesQuery = Static<typeof ListProgrammesQuery>;

export const CreateProgrammeBody = Type.Object({
  orgId: Id,
  name: Title(100),
  code: Type.String({ pattern: '^[a-z][a-z0-9_]{1,39}$' }),
  year: Year,
});
export type CreateProgrammeBody = Static<typeof CreateProgrammeBody>;
export const UpdateProgrammeBody = Type.Partial(Type.Omit(CreateProgrammeBody, ['orgId']));
export type UpdateProgrammeBody = Static<typeof UpdateProgrammeBody>;

export const CreateSessionBody = Type.Object({
  heldOn: DateString,
  title: Title(200),
  place: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  hours: Type.Number({ minimum: 0.5, maximum: 200 }),
});
export type CreateSessionBody = Static<typeof CreateSessionBody>;
export const UpdateSessionBody = Type.Partial(CreateSessionBody);
export type UpdateSessionBody = Static<typeof UpdateSessionBody>;

export const AttendeeSchema = Type.Object({ cadreId: Type.Integer(), cadreName: Type.String() });
export const AttendeeBody = Type.Object({ cadreId: Id });
export type AttendeeBody = Static<typeof AttendeeBody>;
export const AttendeeParams = Type.Object({ id: Id, cadreId: Id });

/** A programme's year in numbers: sessions held, person-times (人次) and distinct people trained. */
export const ProgrammeStatsSchema = Type.Object({
  programmeId: Type.Integer(),
  name: Type.String(),
  code: Type.String(),
  year: Type.Integer(),
  sessions: Type.Integer(),
  personTimes: Type.Integer({ description: '人次: attendance rows' }),
  people: Type.Integer({ description: 'distinct cadres' }),
});
