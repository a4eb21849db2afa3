import type { Kysely } from 'kysely';
import type { z } from 'zod';
import type { Database, EvidenceKind, SourceKind } from '~/db/schema';
import { createAttributionIn } from '../attributions/attributions.service';
import { findSameAttribution } from '../attributions/attributions.queries';
import { findClaimByText, getClaimRow } from '../claims/claims.queries';
import { createClaimIn } from '../claims/claims.service';
import { findDocumentByUrl } from '../documents/documents.queries';
import { createDocumentIn } from '../documents/documents.service';
import { similarClaims } from '../search/search.service';
import { found } from '../shared/versioned';
import { findSourceByName, getSourceRow, suggestSources } from '../sources/sources.queries';
import { createSourceIn } from '../sources/sources.service';
import { type Piece, type Span } from './extract';
import { extractAttributionsAsync } from './extract-async';
import type { acceptIntakeInput, extractIntakeInput } from './intake.schema';

type Actor = string | null;
type DB = Kysely<Database>;

// ── extract: the extractor's attributions, matched against the ledger ─────────────────────────────

const pieces = (s: Span | null): Piece[] => (s == null ? [] : Array.isArray(s) ? s : [s]);
const textOf = (text: string, ps: Piece[]) =>
  ps
    .map((p) => text.slice(p.start, p.end))
    .join(' … ')
    .replace(/\s+/g, ' ')
    .trim();

const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you', 'him', 'her', 'them', 'us', 'who', 'which', 'this', 'that', 'these', 'those', 'one', 'someone']);
const DETERMINER = /^(the|a|an|some|several|many|most|other|two|three|four|its|his|her|their)\s+/i;
const TITLE = /^(president|prime minister|minister|foreign minister|defen[cs]e minister|general|gen\.|col\.|colonel|sheikh|mr\.?|mrs\.?|ms\.?|dr\.?|sen\.|senator|rep\.|king|queen|prince|pope|spokesman|spokeswoman|spokesperson)\s+/i;
const ORG_WORDS =
  /\b(ministry|government|council|observatory|agency|agencies|office|army|forces|police|party|group|groups|committee|commission|organi[sz]ation|institute|union|association|company|corporation|inc|ltd|bank|news|times|post|press|tv|radio|network|media|department|court|parliament|congress|senate|nations|federation|foundation|university|authority|authorities|administration|command|front|movement|coalition|alliance|brigade|militia|embassy|service|services|centre|center|fund|board|club|monitor)\b/i;
const PARTICLES = new Set(['al', 'el', 'bin', 'bint', 'ibn', 'abu', 'de', 'del', 'da', 'di', 'van', 'von', 'der', 'la', 'le', 'du', 'dos', 'of']);
const GENERIC = /^(analysts?|residents?|witnesses|witness|officials?|sources?|experts?|observers|diplomats?|activists?|people|locals|critics|protesters|reports|media|authorities|rebels|insurgents|police|soldiers|troops|doctors|medics)\b/i;

const clean = (sourceText: string) =>
  sourceText
    .replace(/\s+/g, ' ')
    .replace(/^[“”"'‘’\s]+|[“”"'‘’,.;:\s]+$/g, '')
    .trim();
/** The name before an apposition: "Rami Abdurrahman, head of …" → "Rami Abdurrahman". */
const headOf = (s: string) => s.split(/,|\(|\s[–—-]\s/)[0]!.trim();
/** Without "the", a title or a possessive: "the government" → "government". */
const bare = (s: string) => s.replace(DETERMINER, '').replace(TITLE, '').replace(/[’']s$/, '').trim();
const usable = (c: string) => c.length >= 2 && !PRONOUNS.has(c.toLowerCase());

/** Ways to look the speaker up: as written, the name before an apposition, without "the", an acronym. */
export function sourceCandidates(sourceText: string): string[] {
  const s = clean(sourceText);
  const head = headOf(s);
  const acronym = /\(([A-Z][A-Za-z]{1,9})\)/.exec(s)?.[1] ?? '';
  return [...new Set([s, head, bare(head), bare(s), acronym].filter(usable))];
}

/** A person if it reads like a name (2–4 capitalised words, no organisation word); else a group or an organisation. */
export function suggestSourceKind(name: string): SourceKind {
  if (ORG_WORDS.test(name)) return 'organization';
  const words = name.split(/\s+/);
  const capitalised = (w: string) => /^[A-Z][\p{L}'’.-]*$/u.test(w) || PARTICLES.has(w.toLowerCase().split('-')[0]!);
  if (words.length >= 2 && words.length <= 4 && words.every(capitalised) && /^[A-Z]/.test(words.at(-1)!.split('-').at(-1)!)) return 'person';
  if (GENERIC.test(name) || name === name.toLowerCase()) return 'anonymous_group';
  return 'organization';
}

/** A new source's suggested name: the head of the phrase, without "the" or a title, capitalised. */
export function suggestSourceName(sourceText: string): string | null {
  const name = bare(headOf(clean(sourceText)));
  if (!usable(name)) return null;
  return (name[0]!.toUpperCase() + name.slice(1)).slice(0, 200);
}

export interface SourceMatch {
  id: number;
  name: string;
  kind: SourceKind;
  reliability: string;
  affiliationName: string | null;
  /** How it matched: the name or an alias exactly, or only partly (the checker should confirm). */
  matchedBy: 'name' | 'alias' | 'partial';
  matchedText: string;
}

/** The existing source a speaker most likely is, by name or alias (the sources' own suggest query). */
export async function matchSource(db: DB, sourceText: string): Promise<SourceMatch | null> {
  const candidates = sourceCandidates(sourceText);
  let partial: SourceMatch | null = null;
  for (const cand of candidates) {
    const lower = cand.toLowerCase();
    const hits = await suggestSources(db, cand, 8);
    const byName = hits.find((h) => h.name.toLowerCase() === lower);
    const byAlias = hits.find((h) => h.matchedAlias?.toLowerCase() === lower);
    const hit = byName ?? byAlias;
    if (hit) return { ...hit, matchedBy: byName ? 'name' : 'alias', matchedText: cand };
    // A partial match only for a specific word or phrase ("government" → "Syrian government").
    if (!partial && hits[0] && cand.length >= 4 && !PRONOUNS.has(lower)) partial = { ...hits[0], matchedBy: 'partial', matchedText: cand };
  }
  return partial;
}

const FOOTAGE = /\b(footage|video|videos|images|photos|photographs|pictures|livestream)\b/i;
const EYEWITNESS = /\b(witness|witnesses|eyewitness|eyewitnesses|residents)\b/i;

function suggestEvidenceKind(sourceText: string, cueText: string): EvidenceKind {
  if (FOOTAGE.test(sourceText) || FOOTAGE.test(cueText)) return 'footage';
  if (EYEWITNESS.test(sourceText)) return 'eyewitness';
  return 'statement';
}

/**
 * At most this many proposals go back (the first ones in the text): an article has tens; a paste
 * of a whole archive would otherwise send thousands of cards to the browser and as many ledger
 * lookups. The answer says how many were found, so the screen can tell the checker to split it.
 */
export const MAX_PROPOSALS = 200;

/** Proposals for an article: who said what, matched to the ledger's sources and similar claims. */
export async function extractProposals(db: DB, input: z.output<typeof extractIntakeInput>) {
  const { text } = input;
  // In a worker thread: a long article must not stall everyone else's requests.
  const found = await extractAttributionsAsync(text);
  const matches = new Map<string, Promise<SourceMatch | null>>();
  const proposals = await Promise.all(
    found.slice(0, MAX_PROPOSALS).map(async (a, index) => {
      const source = pieces(a.source);
      const cue = pieces(a.cue);
      const content = pieces(a.content);
      const sourceText = textOf(text, source);
      const cueText = textOf(text, cue);
      const key = sourceText.toLowerCase();
      if (sourceText && !matches.has(key)) matches.set(key, matchSource(db, sourceText));
      const matchedSource = sourceText ? await matches.get(key)! : null;
      const name = matchedSource ? null : suggestSourceName(sourceText);
      return {
        index,
        source,
        cue,
        content,
        sourceText,
        cueText,
        /** The content as written: the attribution's verbatim quote. */
        quote: textOf(text, content).slice(0, 4000),
        stance: a.stance,
        claimText: a.claim.slice(0, 1000),
        evidenceKind: suggestEvidenceKind(sourceText, cueText),
        matchedSource,
        suggestedSource: name ? { name, kind: suggestSourceKind(name) } : null,
        similarClaims: await similarClaims(db, { text: a.claim.slice(0, 1000), excludeId: null, limit: 3 }),
      };
    }),
  );
  return { proposals, found: found.length };
}

// ── accept: one transaction, nothing twice ────────────────────────────────────────────────────────

/**
 * Logs the accepted proposals: the document (or the one with the same URL), each claim (or the
 * one with the same text), each source (or the one with the same name) and each attribution
 * (skipped when the same one is logged already), all in one transaction with their audit
 * events. Running it twice on the same article adds nothing the second time. The result says,
 * for each proposal, what was created by this call and what existed already.
 */
export function acceptIntake(db: DB, actor: Actor, input: z.output<typeof acceptIntakeInput>) {
  return db.transaction().execute(async (trx) => {
    const existingDoc = await findDocumentByUrl(trx, input.document.url);
    const doc = existingDoc ?? (await createDocumentIn(trx, actor, input.document, 'document.'));
    const created = { claims: new Set<number>(), sources: new Set<number>(), attributions: new Set<number>() };
    const logged = [];
    for (const [i, p] of input.proposals.entries()) {
      const prefix = `proposals.${i}.`;

      let claim: { id: number; text: string };
      if (p.claimId != null) claim = found('claim', p.claimId, await getClaimRow(trx, p.claimId), `${prefix}claimId`);
      else {
        const same = await findClaimByText(trx, p.claimText!);
        claim = same ?? (await createClaimIn(trx, actor, { text: p.claimText!, contextNote: '', eventDate: null, status: 'open', storyId: null }));
        if (!same) created.claims.add(claim.id);
      }

      let source: { id: number; name: string };
      if (p.sourceId != null) source = found('source', p.sourceId, await getSourceRow(trx, p.sourceId), `${prefix}sourceId`);
      else {
        const { name, kind } = p.newSource!;
        const same = await findSourceByName(trx, name);
        source =
          same ??
          (await createSourceIn(
            trx,
            actor,
            { name, kind, description: '', affiliationId: null, affiliationRole: '', homepage: null, aliases: [] },
            `${prefix}newSource.`,
          ));
        if (!same) created.sources.add(source.id);
      }

      const attribution = { claimId: claim.id, sourceId: source.id, documentId: doc.id, stance: p.stance, quote: p.quote };
      const same = await findSameAttribution(trx, attribution);
      const attributionId =
        same?.id ??
        (
          await createAttributionIn(
            trx,
            actor,
            { ...attribution, evidenceKind: p.evidenceKind, viaSourceId: null, note: '', newSource: null, newDocument: null },
            prefix,
          )
        ).id;
      if (!same) created.attributions.add(attributionId);
      logged.push({ claim, source, attributionId, stance: p.stance });
    }

    const distinct = (ids: number[]) => new Set(ids).size;
    const claimIds = logged.map((x) => x.claim.id);
    const sourceIds = logged.map((x) => x.source.id);
    const attributionIds = logged.map((x) => x.attributionId);
    return {
      document: { id: doc.id, title: doc.title, url: doc.url, created: !existingDoc },
      items: logged.map((x) => ({
        claim: { id: x.claim.id, text: x.claim.text, created: created.claims.has(x.claim.id) },
        source: { id: x.source.id, name: x.source.name, created: created.sources.has(x.source.id) },
        attribution: { id: x.attributionId, created: created.attributions.has(x.attributionId) },
        stance: x.stance,
      })),
      created: {
        documents: existingDoc ? 0 : 1,
        claims: created.claims.size,
        sources: created.sources.size,
        attributions: created.attributions.size,
      },
      reused: {
        documents: existingDoc ? 1 : 0,
        claims: distinct(claimIds) - created.claims.size,
        sources: distinct(sourceIds) - created.sources.size,
        attributions: distinct(attributionIds) - created.attributions.size,
      },
    };
  });
}
