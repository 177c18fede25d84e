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

export async function getJson<T>(path: string, params: Params = {}): Promise<T> {
  const response = await fetch(`${path}${query(params)}`, {
    headers: { accept: "application/json" },
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = (await response.json()) as { message?: string };
      if (body.message) message = body.message;
    } catch {
      // not JSON: the status line says enough
    }
    throw new Error(message);
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
