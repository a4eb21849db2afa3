/** URL search params ⇄ list inputs. One place, used by the server page and the client list alike. */
export type ParamRecord = Record<string, string | string[] | undefined>;

export function one(p: ParamRecord, key: string): string | undefined {
  const v = p[key];
  const s = Array.isArray(v) ? v[0] : v;
  return s && s.length ? s : undefined;
}

export function oneId(p: ParamRecord, key: string): number | null {
  const s = one(p, key);
  const n = s ? Number(s) : NaN;
  return Number.isInteger(n) && n > 0 ? n : null;
}

export function oneOf<T extends string>(p: ParamRecord, key: string, allowed: readonly T[]): T | null {
  const s = one(p, key);
  return s && (allowed as readonly string[]).includes(s) ? (s as T) : null;
}

export function fromURLSearchParams(sp: URLSearchParams): ParamRecord {
  const out: ParamRecord = {};
  sp.forEach((v, k) => {
    out[k] = v;
  });
  return out;
}

/** A query string from a record, dropping empty values. */
export function toQueryString(values: Record<string, string | number | null | undefined>): string {
  const sp = new URLSearchParams();
  for (const [k, v] of Object.entries(values)) if (v != null && v !== '') sp.set(k, String(v));
  const s = sp.toString();
  return s ? `?${s}` : '';
}
