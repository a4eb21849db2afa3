import { z } from 'zod';
import { SOURCE_KINDS } from '~/db/schema';
import { attributionFields } from '../attributions/attributions.schema';
import { claimFields } from '../claims/claims.schema';
import { createDocumentInput } from '../documents/documents.schema';
import { optionalId } from '../shared/fields';
import { sourceFields } from '../sources/sources.schema';

/**
 * Article intake: the extractor's proposals (intake.extract) and the checker's accepted ones
 * (intake.accept). Client-safe: the intake form validates with these same schemas.
 */

/** The largest article the extractor reads, in UTF-8 bytes (the extractor refuses more itself too). */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** UTF-8 length without allocating a copy of the text. */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

export const articleText = z
  .string()
  .superRefine((text, ctx) => {
    if (!text.trim()) {
      ctx.addIssue({ code: 'custom', message: 'Paste the article text (or upload a .txt or .html file)' });
      return;
    }
    // Every UTF-16 unit is at most 3 bytes: only long texts need counting.
    const bytes = text.length * 3 <= MAX_ARTICLE_BYTES ? 0 : utf8Bytes(text);
    if (bytes > MAX_ARTICLE_BYTES)
      ctx.addIssue({
        code: 'custom',
        message: `The article is too large to analyse (${(bytes / 1024 / 1024).toFixed(1)} MB); the limit is 2 MB. Paste only the article text, or split it.`,
      });
  });

export const extractIntakeInput = z.object({ text: articleText });
export type ExtractIntakeInput = z.input<typeof extractIntakeInput>;

/** One accepted proposal: an existing claim or a new claim text, an existing source or a new one. */
export const acceptedProposal = z
  .object({
    claimId: optionalId,
    claimText: claimFields.text.nullish().transform((v) => v ?? null),
    sourceId: optionalId,
    newSource: z.object({ name: sourceFields.name, kind: z.enum(SOURCE_KINDS, 'Choose what kind of source this is') }).nullish(),
    stance: attributionFields.stance,
    quote: attributionFields.quote,
    evidenceKind: attributionFields.evidenceKind,
  })
  .superRefine((v, ctx) => {
    if (v.claimId == null && !v.claimText)
      ctx.addIssue({ code: 'custom', path: ['claimText'], message: 'Write the claim, or attach the evidence to an existing claim' });
    if (v.claimId != null && v.claimText)
      ctx.addIssue({ code: 'custom', path: ['claimId'], message: 'Attach to an existing claim or write a new one, not both' });
    if (v.sourceId == null && !v.newSource) ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Pick a source or create one' });
    if (v.sourceId != null && v.newSource)
      ctx.addIssue({ code: 'custom', path: ['sourceId'], message: 'Pick an existing source or create a new one, not both' });
  });
export type AcceptedProposal = z.input<typeof acceptedProposal>;

export const acceptIntakeInput = z.object({
  /** The article: reused when a document with the same URL is logged already. */
  document: createDocumentInput,
  proposals: z.array(acceptedProposal).min(1, 'Accept at least one proposal').max(500, 'At most 500 proposals at once'),
});
export type AcceptIntakeInput = z.input<typeof acceptIntakeInput>;
