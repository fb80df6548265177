import type { Problem } from '../../http/problem.ts';

// One fetch wrapper for the whole app: the session cookie rides along (same origin), writes carry
// the CSRF token the server handed out at login or /auth/me, and every failure becomes an ApiError
// holding the server's problem+json (detail and per-field errors).

export type { Problem };
export type FieldProblem = NonNullable<Problem['errors']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let onUnauthorized: () => void = () => {};

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Called when the server says the session is gone, so the app can return to the login page. */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

export type Query = Record<string, string | number | boolean | null | undefined>;

export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/v1${path}${qs ? `?${qs}` : ''}`;
}

type RequestOptions = { query?: Query; body?: unknown; form?: FormData; signal?: AbortSignal };

export async function apiRequest<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let body: BodyInit | undefined;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const response = await fetch(apiUrl(path, options.query), {
    method,
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const data: unknown = text ? parseJson(text) : undefined;
  if (!response.ok) {
    const problem = toProblem(response, data);
    if (response.status === 401 && path !== '/auth/login') onUnauthorized();
    throw new ApiError(problem);
  }
  return data as T;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    // A proxy or crashed server answering HTML: keep the text so the message says what came back.
    console.error('the API answered something that is not JSON', error);
    return { detail: text.slice(0, 200) };
  }
}

function toProblem(response: Response, data: unknown): Problem {
  const p = (data ?? {}) as Partial<Problem>;
  return {
    type: p.type ?? 'about:blank',
    title: p.title ?? response.statusText,
    status: p.status ?? response.status,
    detail: p.detail ?? `${response.status} ${response.statusText}`,
    ...(p.record ? { record: p.record } : {}),
    ...(p.recordId ? { recordId: p.recordId } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
  };
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => apiRequest<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown, query?: Query) => apiRequest<T>('POST', path, { body, query }),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, { body }),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, { body }),
  delete: (path: string) => apiRequest<void>('DELETE', path),
  upload: <T>(path: string, form: FormData, query?: Query) => apiRequest<T>('POST', path, { form, query }),
};

/** Downloads a file the API generates (export, template), with the session cookie. */
export async function downloadFile(path: string, query: Query, fileName: string): Promise<void> {
  const response = await fetch(apiUrl(path, query), { credentials: 'same-origin' });
  if (!response.ok) throw new ApiError(toProblem(response, parseJson(await response.text())));
  saveBlob(await response.blob(), fileName);
}

/** Hands a file made in the browser (or fetched) to the user as a download. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A multipart upload that reports how much has been sent (fetch cannot), for the import's progress bar. */
export function uploadWithProgress<T>(
  path: string,
  form: FormData,
  query: Query,
  onProgress: (fraction: number) => void,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () =>
      reject(
        new ApiError({
          type: 'about:blank',
          title: 'Network error',
          status: 0,
          detail: 'the upload failed: network error',
        }),
      );
    xhr.onload = () => {
      const data = xhr.responseText ? parseJson(xhr.responseText) : undefined;
      if (xhr.status >= 200 && xhr.status < 300) resolve(data as T);
      else {
        if (xhr.status === 401) onUnauthorized();
        reject(new ApiError(toProblem(new Response(null, { status: xhr.status, statusText: xhr.statusText }), data)));
      }
    };
    xhr.send(form);
  });
}
