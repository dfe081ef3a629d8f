import { type Static, Type } from 'typebox';

export const DictionarySchema = Type.Object(
  {
    code: Type.String(),
    nameZh: Type.String(),
    nameEn: Type.String(),
    /** the national standard the codes follow, e.g. 'GB/T 2261.1-2003'; null for local tables */
    standard: Type.Union([Type.Null(), Type.String()]),
    /** local tables take new codes; national-standard ones only relabel */
    editable: Type.Boolean(),
    itemCount: Type.Integer(),
  },
  { $id: 'Dictionary' },
);
export type Dictionary = Static<typeof DictionarySchema>;

export const DictionaryItemSchema = Type.Object(
  {
    code: Type.String(),
    labelZh: Type.String(),
    labelEn: Type.String(),
    sortOrder: Type.Integer(),
    active: Type.Boolean(),
  },
  { $id: 'DictionaryItem' },
);
export type DictionaryItem = Static<typeof DictionaryItemSchema>;

export const DictionaryParams = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 40 }),
});
export const ItemParams = Type.Object({
  code: Type.String({ pattern: '^[a-z][a-z0-9_]*$', maxLength: 40 }),
  itemCode: Type.String({ minLength: 1, maxLength: 40 }),
});

const Label = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });

export const CreateItemBody = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[0-9A-Za-z_.-]+$' }),
  labelZh: Label,
  labelEn: Label,
  sortOrder: Type.Optional(Type.Integer()),
});
export type CreateItemBody = Static<typeof CreateItemBody>;

export const UpdateItemBody = Type.Object({
  labelZh: Type.Optional(Label),
  labelEn: Type.Optional(Label),
  sortOrder: Type.Optional(Type.Integer()),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateItemBody = Static<typeof UpdateItemBody>;
