import { Type } from 'typebox';
import { errorResponses } from '../../platform/http/schemas.ts';
import { type App, actorOf } from '../../platform/http/types.ts';
import {
  CreateItemBody,
  DictionaryItemSchema,
  DictionaryParams,
  DictionarySchema,
  ItemParams,
  UpdateItemBody,
} from './dictionaries.schema.ts';
import * as service from './dictionaries.service.ts';

/** Code tables: national standards and local ones. */
export default async function dictionariesRoutes(app: App) {
  const tags = ['dictionaries'];

  app.get('/api/dictionaries', {
    schema: {
      tags,
      summary: 'Every code table',
      response: { 200: Type.Array(DictionarySchema), ...errorResponses },
    },
    config: { access: 'dictionaries:read' },
    handler: async () => service.listDictionaries(app.db),
  });

  app.get('/api/dictionaries/:code/items', {
    schema: {
      tags,
      summary: 'The codes of one table',
      params: DictionaryParams,
      response: { 200: Type.Array(DictionaryItemSchema), ...errorResponses },
    },
    config: { access: 'dictionaries:read' },
    handler: async (req) => service.listItems(app.db, req.params.code),
  });

  app.post('/api/dictionaries/:code/items', {
    schema: {
      tags,
      summary: 'Add a code to a local table',
      params: DictionaryParams,
      body: CreateItemBody,
      response: { 201: DictionaryItemSchema, ...errorResponses },
    },
    config: { access: 'dictionaries:write' },
    handler: async (req, reply) => {
      reply.code(201);
      return service.createItem(app.db, actorOf(req), req.params.code, req.body);
    },
  });

  app.patch('/api/dictionaries/:code/items/:itemCode', {
    schema: {
      tags,
      summary: 'Relabel, reorder or retire a code',
      params: ItemParams,
      body: UpdateItemBody,
      response: { 200: DictionaryItemSchema, ...errorResponses },
    },
    config: { access: 'dictionaries:write' },
    handler: async (req) =>
      service.updateItem(app.db, actorOf(req), req.params.code, req.params.itemCode, req.body),
  });
}
