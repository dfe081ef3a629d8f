import { type TSchema, Type } from 'typebox';

/**
 * A value or null. Null comes first: with type coercion on (for query strings), ajv would otherwise turn
 * a JSON null into "" while trying the string branch.
 */
export function Nullable<T extends TSchema>(schema: T) {
  return Type.Union([Type.Null(), schema]);
}

/** The body of every error reply. */
export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      requestId: Type.String(),
      details: Type.Optional(
        Type.Array(Type.Object({ field: Type.String(), rule: Type.String(), message: Type.String() })),
      ),
    }),
  },
  { $id: 'Error' },
);

/** Error replies every protected route may give. */
export const errorResponses = {
  400: ErrorSchema,
  401: ErrorSchema,
  403: ErrorSchema,
  404: ErrorSchema,
  409: ErrorSchema,
};

export const IdParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Paging and keyword query shared by every list. */
export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  pageSize: Type.Integer({ minimum: 1, maximum: 200, default: 20 }),
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
};

/** One page of a list. */
export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({ items: Type.Array(item), total: Type.Integer() });
}

export const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 UTC instant' });
export const NoContent = Type.Null({ description: 'No content' });
