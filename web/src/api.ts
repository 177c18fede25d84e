/** Typed GETs of the Frontier Watch API on the same origin. */

export type Params = Record<string, string | number | boolean | undefined | null>;

/** A query string without the empty parameters. */
export function query(params: Params): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === "") continue;
    search.set(key, String(value));
  }
  const text = search.toString();
  return text === "" ? "" : `?${text}`;
}

/** The API's error message in a JSON body (`{code, message}`), or an Error's, or `fallback`. */
export function errorMessage(value: unknown, fallback = "unknown error"): string {
  if (value instanceof Error) return value.message;
  if (typeof value === "object" && value !== null && "message" in value) {
    const { message } = value as { message: unknown };
    if (typeof message === "string" && message !== "") return message;
  }
  return fallback;
}

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const response = await fetch(`${path}${query(params)}`, {
    headers: { accept: "application/json" },
  });
  return readJson<T>(response);
}

export async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: "POST",
    headers: { accept: "application/json", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return readJson<T>(response);
}

/** An answer of the API that is not a success: its message, and its status (401, 404, 409…). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The body of a successful answer, or an ApiError with the API's message. */
export async function readJson<T>(response: Response): Promise<T> {
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      message = errorMessage(await response.json(), message);
    } catch {
      // not JSON: the status line says enough
    }
    throw new ApiError(response.status, message);
  }
  return (await response.json()) as T;
}

export type Getter = <T>(path: string, params?: Params) => Promise<T>;

/** A getJson that asks once per URL: sections of one page share their requests. */
export function sharedGetter(): Getter {
  const cache = new Map<string, Promise<unknown>>();
  return <T>(path: string, params: Params = {}) => {
    const url = `${path}${query(params)}`;
    let pending = cache.get(url);
    if (pending === undefined) {
      pending = getJson<T>(path, params);
      cache.set(url, pending);
    }
    return pending as Promise<T>;
  };
}
