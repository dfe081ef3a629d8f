import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, authOf } from '../../platform/http/types.ts';
import { type ReminderSource, remindersFor } from '../../platform/scheduler/reminders.ts';
import { todoCounts, todoFor } from '../../platform/workflow/workflow.service.ts';
import {
  ListRemindersQuery,
  ListTodosQuery,
  ReminderPageSchema,
  TodoCountsSchema,
  TodoPageSchema,
} from './todos.schema.ts';

/**
 * The caller's to-do list (待办): records of every workflow waiting for an action their active role
 * assignment may take. Anyone signed in has one; what fills it is decided per transition.
 */
export default async function todosRoutes(app: App, opts: { reminders?: readonly ReminderSource[] } = {}) {
  const tags = ['todos'];
  const sources = opts.reminders ?? [];

  app.get('/api/todos', {
    schema: {
      tags,
      summary: 'Records waiting for me, most recently changed first',
      querystring: ListTodosQuery,
      response: { 200: TodoPageSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => todoFor(app.db, authOf(req), req.query),
  });

  app.get('/api/todos/counts', {
    schema: {
      tags,
      summary: 'How many records wait for me, in all and per workflow',
      response: { 200: TodoCountsSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => todoCounts(app.db, authOf(req)),
  });

  app.get('/api/todos/reminders', {
    schema: {
      tags,
      summary: 'What falls due soon in my scope (换届, brand reviews, birthdays), soonest first',
      description:
        'Reminders are found by a daily scheduled job; each kind is shown to those who may read its records.',
      querystring: ListRemindersQuery,
      response: { 200: ReminderPageSchema, ...errorResponses },
    },
    config: { access: 'authenticated' },
    handler: async (req) => remindersFor(app.db, sources, authOf(req), req.query),
  });
}
