import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, authOf } from '../../platform/http/types.ts';
import { todoCounts, todoFor } from '../../platform/workflow/workflow.service.ts';
import { ListTodosQuery, TodoCountsSchema, TodoPageSchema } from './todos.schema.ts';

/**
 * The caller's to-do list (待办): records of every workflow waiting for an action their active role
 * assignment may take. Anyone signed in has one; what fills it is decided per transition.
 */
export default async function todosRoutes(app: App) {
  const tags = ['todos'];

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
}
