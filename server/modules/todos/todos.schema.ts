import { type Static, Type } from 'typebox';
import { Instant, PageOf, PageQuery } from '../../platform/http/schemas.ts';
import { LabelSchema, WorkflowActionSchema } from '../../platform/workflow/workflow.schema.ts';

/** One record waiting for the caller (待办事项). */
export const TodoSchema = Type.Object(
  {
    /** the workflow's name, e.g. 'meeting_review' */
    workflow: Type.String(),
    workflowTitle: LabelSchema,
    /** the record's id in its module: where the console opens it */
    recordId: Type.Integer(),
    /** what the record is, as its module names it */
    title: Type.String(),
    state: Type.String(),
    stateLabel: LabelSchema,
    orgId: Type.Integer(),
    orgName: Type.String(),
    /** when the record last moved */
    updatedAt: Instant,
    /** what the caller may do with it now */
    actions: Type.Array(WorkflowActionSchema),
  },
  { $id: 'Todo' },
);
export type Todo = Static<typeof TodoSchema>;

export const TodoPageSchema = PageOf(TodoSchema);

export const ListTodosQuery = Type.Object({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  /** only this workflow's records */
  workflow: Type.Optional(Type.String({ maxLength: 60 })),
});
export type ListTodosQuery = Static<typeof ListTodosQuery>;

/** How many records wait for the caller: the console header's badge, and per workflow. */
export const TodoCountsSchema = Type.Object(
  {
    total: Type.Integer(),
    /** every workflow in which the caller may act, with zero counts too */
    workflows: Type.Array(
      Type.Object({ workflow: Type.String(), title: LabelSchema, count: Type.Integer() }),
    ),
  },
  { $id: 'TodoCounts' },
);
export type TodoCounts = Static<typeof TodoCountsSchema>;

/** Something falling due that a scheduled job found (提醒): a branch's 换届, a brand's review, a birthday. */
export const ReminderSchema = Type.Object(
  {
    id: Type.Integer(),
    kind: Type.Union([
      Type.Literal('election_due'),
      Type.Literal('brand_review_due'),
      Type.Literal('birthday'),
    ]),
    kindLabel: LabelSchema,
    /** the branch, brand or cadre it is about: where the console opens it */
    subjectId: Type.Integer(),
    orgId: Type.Integer(),
    orgName: Type.String(),
    dueOn: Type.String({ format: 'date' }),
    title: Type.String(),
    /** when the reminder was first found */
    createdAt: Instant,
  },
  { $id: 'Reminder' },
);
export const ReminderPageSchema = PageOf(ReminderSchema);

export const ListRemindersQuery = Type.Object({
  page: PageQuery.page,
  pageSize: PageQuery.pageSize,
  /** only this kind */
  kind: Type.Optional(
    Type.Union([Type.Literal('election_due'), Type.Literal('brand_review_due'), Type.Literal('birthday')]),
  ),
});
export type ListRemindersQuery = Static<typeof ListRemindersQuery>;
