import { z } from 'zod';

/** Field schemas shared by every domain's zod inputs. Client-safe: imports only zod. */

export const id = z.number().int('Must be a whole number').positive('Must be a positive id');
export const version = z.number().int().positive();

export function isHttpUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrl = z
  .string()
  .trim()
  .min(1, 'Enter a URL')
  .max(2000, 'A URL can be 2000 characters at most')
  .refine(isHttpUrl, 'Enter a full web address starting with http:// or https://');

/** Optional URL: the empty string a form sends means "none". */
export const optionalHttpUrl = httpUrl
  .or(z.literal(''))
  .nullish()
  .transform((v) => (v ? v : null));

export const text = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, min <= 1 ? `${label} is required` : `${label} needs at least ${min} characters`)
    .max(max, `${label} can be ${max} characters at most`);

export const optionalText = (label: string, max: number) =>
  z
    .string()
    .trim()
    .max(max, `${label} can be ${max} characters at most`)
    .default('');

const isoDate = z.iso.date('Use a date like 2024-12-08');

/** Optional calendar date (YYYY-MM-DD); the empty string means "none". */
export const optionalDate = isoDate
  .or(z.literal(''))
  .nullish()
  .transform((v) => (v ? v : null));

export const optionalId = id.nullish().transform((v) => v ?? null);

export const pageSize = z.number().int().min(1).max(100).default(25);
export const cursor = z.string().max(500).nullish();
