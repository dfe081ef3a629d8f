import { type Static, Type } from 'typebox';
import { Instant, Nullable } from '../http/schemas.ts';

/** A name in both languages; the console shows the one of its locale. */
export const LabelSchema = Type.Object({ zh: Type.String(), en: Type.String() });

/** One step in a record's timeline: a transition taken (or the record's creation). */
export const WorkflowEventSchema = Type.Object(
  {
    id: Type.Integer(),
    /** the transition taken, or 'start' when the record entered the workflow */
    action: Type.String(),
    actionLabel: LabelSchema,
    /** null for the start */
    fromState: Nullable(Type.String()),
    fromStateLabel: Nullable(LabelSchema),
    toState: Type.String(),
    toStateLabel: LabelSchema,
    actorId: Nullable(Type.Integer()),
    /** the actor's name when they acted */
    actorName: Nullable(Type.String()),
    /** the opinion (意见) given with the step */
    comment: Nullable(Type.String()),
    at: Instant,
  },
  { $id: 'WorkflowEvent' },
);
export type WorkflowEvent = Static<typeof WorkflowEventSchema>;

/** A record's timeline, oldest first: what every module's history route answers. */
export const WorkflowHistorySchema = Type.Array(WorkflowEventSchema);
export type WorkflowHistory = Static<typeof WorkflowHistorySchema>;

/** The body of a module's transition route: an optional comment (意见). */
export const TransitionBody = Type.Object({
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});
export type TransitionBody = Static<typeof TransitionBody>;

/** An action a user may take, as offered on a record or in the to-do list. */
export const WorkflowActionSchema = Type.Object({
  action: Type.String(),
  label: LabelSchema,
  commentRequired: Type.Boolean(),
});
export type WorkflowAction = Static<typeof WorkflowActionSchema>;
