import createClient, { type Middleware } from 'openapi-fetch';
import { currentLanguage, i18n } from '../i18n/i18n';
import type { paths } from './schema';

/**
 * One rule broken by one field, as the server reports it in `error.details`: `field` is where and which
 * (`body.name`, `query.pageSize`, `record.measures.1.2`), `rule` a stable code, `message` in the UI's language.
 */
export interface ErrorDetail {
  field: string;
  rule: string;
  message: string;
}

/** A failed API call: the server's stable code and its message, already in the UI language. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string | undefined;
  readonly details: ErrorDetail[];

  constructor(
    status: number,
    code: string,
    message: string,
    requestId?: string,
    details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.details = details;
  }
}

// The CSRF token is never persisted: it comes with every Me and lives only as long as the page.
let csrfToken: string | null = null;

/** Remembers the token the server handed out with the signed-in user (GET /api/auth/me and friends). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

let unauthorizedHandler: () => void = () => {
  if (window.location.pathname !== '/login') window.location.assign('/login');
};

/** Lets the app decide how to send a signed-out user to /login (router navigation rather than a reload). */
export function setUnauthorizedHandler(handler: () => void): void {
  unauthorizedHandler = handler;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const sessionMiddleware: Middleware = {
  onRequest({ request }) {
    request.headers.set('accept-language', currentLanguage());
    if (csrfToken && UNSAFE_METHODS.has(request.method.toUpperCase())) {
      request.headers.set('x-csrf-token', csrfToken);
    }
    return request;
  },
  onResponse({ request, response }) {
    // A 401 under /api/auth/ is an answer (wrong password, not signed in yet); anywhere else the session is gone.
    if (
      response.status === 401 &&
      !new URL(request.url, window.location.href).pathname.startsWith('/api/auth/')
    ) {
      unauthorizedHandler();
    }
    return undefined;
  },
};

/** The typed client for the platform's API, generated from the server's OpenAPI document. */
export const api = createClient<paths>({ baseUrl: '/', credentials: 'same-origin' });
api.use(sessionMiddleware);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function readErrorBody(body: unknown): {
  code?: string;
  message?: string;
  requestId?: string;
  details?: ErrorDetail[];
} {
  if (body && typeof body === 'object' && 'error' in body) {
    const inner = (body as { error: unknown }).error;
    if (inner && typeof inner === 'object') return inner as ReturnType<typeof readErrorBody>;
  }
  return {};
}

/** Awaits an openapi-fetch call and returns its data, or throws an ApiError carrying the server's message. */
export async function unwrap<T>(request: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await request;
  } catch {
    throw new ApiError(0, 'network', i18n.t('error.network'));
  }
  const { response } = result;
  if (!response.ok || result.error !== undefined) {
    const body = readErrorBody(result.error);
    throw new ApiError(
      response.status,
      body.code ?? `http.${response.status}`,
      body.message ?? i18n.t('error.http', { status: response.status }),
      body.requestId,
      Array.isArray(body.details) ? body.details : [],
    );
  }
  return result.data as T;
}

/** The text to show for any error thrown while talking to the API. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return i18n.t('error.unexpected');
}

/** The file name a `content-disposition: attachment` header gives, if any. */
function attachmentName(header: string | null): string | undefined {
  if (!header) return undefined;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded);
    } catch {
      // Fall through to the plain name.
    }
  }
  return /filename="?([^";]+)"?/i.exec(header)?.[1];
}

/**
 * Saves a file the API answers with (an export, a template) under the name the server gives it.
 * Call with `parseAs: 'blob'`; a refusal throws an ApiError like any other call.
 */
export async function download(request: Promise<FetchResult<Blob>>, fallbackName: string): Promise<void> {
  let response: Response | undefined;
  const blob = await unwrap(
    request.then((result) => {
      response = result.response;
      return result;
    }),
  );
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = attachmentName(response?.headers.get('content-disposition') ?? null) ?? fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, so the download has its data.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A multipart body with one file in the field the server reads (`file`). */
export function fileForm(file: Blob, name?: string): FormData {
  const form = new FormData();
  if (name) form.append('file', file, name);
  else form.append('file', file);
  return form;
}
