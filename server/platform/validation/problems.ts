// One shape for every refused field, whoever refuses it: the schema validator (ajv, from the routes'
// TypeBox schemas) or a service rule. Each problem names where the value came from and its path
// (`body.emergencyContacts.0.phone`, `query.pageSize`), a stable rule code, and a message in both
// languages; the error handler in app.ts answers with the caller's one. The console shows the message
// as it comes and finds the field by dropping the first part of the path, with nothing to guess.
import type { FastifySchemaValidationError } from 'fastify';
import { AppError, type FieldProblem, type Locale } from '../../errors.ts';
import { today } from '../calendar/days.ts';

/**
 * Where the refused value is: a part of the request, or `record` for a part of the stored record the
 * request acts on (a version's measures when publishing it), which the caller did not send.
 */
export type ProblemSource = 'body' | 'query' | 'params' | 'headers' | 'record';

/** A refusal of one field, naming the rule, in both languages. `field` is the path inside `source`. */
export function fieldProblem(
  field: string,
  rule: string,
  zh: string,
  en: string,
  source: ProblemSource = 'body',
): FieldProblem {
  return { field: `${source}.${field}`, rule, messages: { zh, en } };
}

/** The `validation` error for one field: the usual way a service refuses a value. */
export function invalid(field: string, rule: string, zh: string, en: string): AppError {
  return new AppError('validation', [fieldProblem(field, rule, zh, en)]);
}

/** Refuses a date after the bureau's today. */
export function notInFuture(field: string, value: string | null | undefined, on = today()) {
  if (value && value > on) {
    throw invalid(field, 'not_in_future', '日期不能晚于今天', 'The date cannot be later than today');
  }
}

/** Refuses an end before its start. */
export function inOrder(field: string, start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end < start) {
    throw invalid(field, 'date_order', '结束日期不能早于开始日期', 'The end cannot precede the start');
  }
}

/** A problem as the reply carries it: the message in the caller's language. */
export function localise(problem: FieldProblem, locale: Locale) {
  return {
    field: problem.field,
    rule: problem.rule,
    message: locale === 'en-US' ? problem.messages.en : problem.messages.zh,
  };
}

const SOURCES: Record<string, ProblemSource> = {
  body: 'body',
  querystring: 'query',
  params: 'params',
  headers: 'headers',
};

/** Words for the formats the schemas use, so "格式不正确" can say which format. */
const FORMATS: Record<string, { zh: string; en: string }> = {
  date: { zh: '日期，格式为 YYYY-MM-DD', en: 'a date, YYYY-MM-DD' },
  'date-time': { zh: '时间，格式为 ISO 8601', en: 'an ISO 8601 instant' },
  email: { zh: '电子邮箱地址', en: 'an e-mail address' },
  uri: { zh: '网址', en: 'a URL' },
};

const TYPES: Record<string, { zh: string; en: string }> = {
  integer: { zh: '整数', en: 'a whole number' },
  number: { zh: '数字', en: 'a number' },
  string: { zh: '文字', en: 'text' },
  boolean: { zh: '是或否', en: 'yes or no' },
  array: { zh: '列表', en: 'a list' },
  object: { zh: '对象', en: 'an object' },
};

type Params = Record<string, unknown>;

/** The zh/en message of one ajv keyword with its parameters (`{ limit: 100 }` for maxLength). */
function schemaMessage(keyword: string, params: Params): { zh: string; en: string } {
  const limit = params.limit as number | undefined;
  switch (keyword) {
    case 'required':
      return { zh: '此项必填', en: 'Required' };
    case 'minLength':
      return limit === 1
        ? { zh: '不能为空', en: 'Must not be empty' }
        : { zh: `至少 ${limit} 个字符`, en: `At least ${limit} characters` };
    case 'maxLength':
      return { zh: `最多 ${limit} 个字符`, en: `At most ${limit} characters` };
    case 'pattern':
      return { zh: '格式不正确', en: 'Wrong format' };
    case 'format': {
      const f = FORMATS[String(params.format)];
      return f ? { zh: `应为${f.zh}`, en: `Must be ${f.en}` } : { zh: '格式不正确', en: 'Wrong format' };
    }
    case 'type': {
      const t = TYPES[String(params.type)];
      return t ? { zh: `应为${t.zh}`, en: `Must be ${t.en}` } : { zh: '类型不正确', en: 'Wrong type' };
    }
    case 'minimum':
      return { zh: `不能小于 ${limit}`, en: `Must be at least ${limit}` };
    case 'maximum':
      return { zh: `不能大于 ${limit}`, en: `Must be at most ${limit}` };
    case 'exclusiveMinimum':
      return { zh: `须大于 ${limit}`, en: `Must be more than ${limit}` };
    case 'exclusiveMaximum':
      return { zh: `须小于 ${limit}`, en: `Must be less than ${limit}` };
    case 'minItems':
      return { zh: `至少 ${limit} 项`, en: `At least ${limit} items` };
    case 'maxItems':
      return { zh: `最多 ${limit} 项`, en: `At most ${limit} items` };
    case 'uniqueItems':
      return { zh: '不能有重复项', en: 'Items must not repeat' };
    case 'enum':
    case 'const':
    case 'anyOf':
    case 'oneOf':
      return { zh: '不是可选的值', en: 'Not one of the allowed values' };
    default:
      return { zh: '取值不符合要求', en: 'Not a valid value' };
  }
}

// A value refused by every branch of a union ("text or null") is reported by each branch (type,
// pattern, const…) and by the union itself (anyOf). Only what says something about the value is kept:
// the field's other rules when it has any, or else one problem for the field.
const UNION_NOISE = new Set(['type', 'anyOf', 'oneOf', 'const', 'enum']);

interface Raw {
  path: string;
  keyword: string;
  params: Params;
}

/** The one problem to keep for a field refused only by union noise: its non-null type when named. */
function pickNoise(raws: Raw[]): Raw {
  return (
    raws.find((r) => r.keyword === 'enum') ??
    raws.find((r) => r.keyword === 'type' && r.params.type !== 'null') ??
    raws.find((r) => r.keyword === 'anyOf' || r.keyword === 'oneOf') ??
    (raws[0] as Raw)
  );
}

/**
 * The schema validator's errors as field problems: the path from ajv's JSON pointer (a missing
 * property appended), the keyword as the rule, one problem per field and rule, and for a field
 * refused by a union only its meaningful rule.
 */
export function schemaProblems(
  errors: readonly FastifySchemaValidationError[],
  context: string | undefined,
): FieldProblem[] {
  const source = SOURCES[context ?? 'body'] ?? 'body';
  const byField = new Map<string, Raw[]>();
  for (const e of errors) {
    const missing = (e.params as { missingProperty?: string })?.missingProperty;
    const path = [...e.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])]
      .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
      .join('.');
    const raws = byField.get(path) ?? [];
    raws.push({ path, keyword: e.keyword, params: e.params });
    byField.set(path, raws);
  }
  return [...byField.values()].flatMap((raws) => {
    const meaningful = raws.filter(
      (r, i) => !UNION_NOISE.has(r.keyword) && raws.findIndex((o) => o.keyword === r.keyword) === i,
    );
    return (meaningful.length ? meaningful : [pickNoise(raws)]).map((r) => {
      const { zh, en } = schemaMessage(r.keyword, r.params);
      return fieldProblem(r.path, r.keyword, zh, en, source);
    });
  });
}
