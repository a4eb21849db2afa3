import { describe, expect, it } from 'vitest';
import type { RouterInputs } from '~/server/root';
import { MAX_INPUT_BYTES } from '~/server/intake/extract';
import { MAX_ARTICLE_BYTES } from '~/server/intake/intake.schema';
import { MAX_PROPOSALS, suggestSourceKind, suggestSourceName } from '~/server/intake/intake.service';
import { freshCaller } from '../helpers/db';
import { eventsWrittenBy, expectTRPCError, makeClaim, makeSohrChain, makeSource, snapshot, type Caller } from '../helpers/fixtures';

// A short article in the reference story's words (the real one stays out of the tests).
const ARTICLE =
  'Syrian President Bashar al-Assad has reportedly left the country for an undisclosed destination, according to Rami Abdurrahman, head of the Syrian Observatory for Human Rights. ' +
  'Opposition groups said they had entered Damascus. Meanwhile, the government denied that Assad had left the capital.';

const DOC = { url: 'https://news.example/2024/12/08/assad', title: 'Assad reportedly leaves Syria', publishedAt: '2024-12-08' };
type Accept = RouterInputs['intake']['accept'];

async function ledger(caller: Caller) {
  const chain = await makeSohrChain(caller);
  const government = await makeSource(caller, { name: 'Syrian government', kind: 'government_body' });
  return { ...chain, government };
}

describe('intake.extract', () => {
  it('proposes attributions with spans, stance and claim, matched to existing sources and similar claims', async () => {
    const { caller } = await freshCaller();
    const { rami, government } = await ledger(caller);
    const logged = await makeClaim(caller, { text: 'Assad had left the capital' });
    const { proposals, found } = await caller.intake.extract({ text: ARTICLE });
    expect(found).toBe(proposals.length);

    const sohr = proposals.find((p) => p.sourceText.startsWith('Rami Abdurrahman'))!;
    expect(sohr).toMatchObject({ stance: 'asserts', cueText: 'according to', matchedSource: { id: rami.id, matchedBy: 'name' }, suggestedSource: null });
    expect(sohr.quote).toBe('Syrian President Bashar al-Assad has reportedly left the country for an undisclosed destination');
    expect(sohr.claimText).toBe('Syrian President Bashar al-Assad has reportedly left the country for an undisclosed destination.');
    // Spans are offsets into the text as sent.
    expect(ARTICLE.slice(sohr.cue[0]!.start, sohr.cue[0]!.end)).toBe('according to');

    const denial = proposals.find((p) => p.stance === 'denies')!;
    expect(denial).toMatchObject({ sourceText: 'the government', matchedSource: { id: government.id, matchedBy: 'partial' } });
    expect(denial.similarClaims.map((c) => c.id)).toContain(logged.id);

    // No source of that name yet: a new one is suggested, with a kind.
    const opposition = proposals.find((p) => p.sourceText === 'Opposition groups')!;
    expect(opposition).toMatchObject({ matchedSource: null, suggestedSource: { name: 'Opposition groups', kind: 'organization' } });
  });

  it('sends back the first proposals of a paste far longer than an article, and says how many there were', async () => {
    const { caller } = await freshCaller();
    const paragraphs = Array.from({ length: 120 }, (_, i) => `Official number ${i + 1} said that the bridge would open in ${1900 + i}. The council denied that the bridge had cost ${i + 2} million.`);
    const text = paragraphs.join('\n\n');
    const { proposals, found } = await caller.intake.extract({ text });
    expect(found).toBeGreaterThan(MAX_PROPOSALS);
    expect(proposals).toHaveLength(MAX_PROPOSALS);
    // The first ones in the text, in order, numbered from 0.
    expect(proposals.map((p) => p.index)).toEqual(proposals.map((_, i) => i));
    const starts = proposals.map((p) => (p.cue[0] ?? p.content[0]!).start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(text.slice(0, proposals.at(-1)!.content[0]!.end)).not.toContain('Official number 120 ');
  });

  it('refuses an article over 2 MB with a message on the text field', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.intake.extract({ text: 'Assad left. '.repeat(180_000) }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ text: expect.stringContaining('the limit is 2 MB') });
    expect(err.message).toMatch(/^text: The article is too large to analyse \(2\.1 MB\)/);
    const empty = await expectTRPCError(caller.intake.extract({ text: '  ' }), 'BAD_REQUEST');
    expect(Object.keys(empty.fieldErrors ?? {})).toEqual(['text']);
    // The form's limit and the extractor's own are the same.
    expect(MAX_ARTICLE_BYTES).toBe(MAX_INPUT_BYTES);
  });

  it('suggests a new source’s name and kind from the words that name it', () => {
    expect(suggestSourceName('Rami Abdurrahman, head of the Syrian Observatory')).toBe('Rami Abdurrahman');
    expect(suggestSourceName('the government')).toBe('Government');
    expect(suggestSourceName('President Bashar al-Assad')).toBe('Bashar al-Assad');
    expect(suggestSourceName('he')).toBeNull();
    expect(suggestSourceKind('Bashar al-Assad')).toBe('person');
    expect(suggestSourceKind('Geir Pedersen')).toBe('person');
    expect(suggestSourceKind('Syrian Observatory for Human Rights')).toBe('organization');
    expect(suggestSourceKind('Analysts')).toBe('anonymous_group');
    expect(suggestSourceKind('residents of Damascus')).toBe('anonymous_group');
  });
});

describe('intake.accept', () => {
  const proposals = (ids: { rami: number }): Accept['proposals'] => [
    {
      claimText: 'Bashar al-Assad has left Syria.',
      sourceId: ids.rami,
      stance: 'asserts',
      quote: 'Syrian President Bashar al-Assad has reportedly left the country for an undisclosed destination',
    },
    {
      claimText: 'Bashar al-Assad has left Syria.',
      newSource: { name: 'Syrian Government', kind: 'government_body' },
      stance: 'denies',
      quote: 'that Assad had left the capital',
    },
    { claimText: 'Opposition groups have entered Damascus.', newSource: { name: 'Opposition groups', kind: 'organization' }, stance: 'asserts', quote: 'they had entered Damascus' },
    {
      claimText: 'Opposition forces showed a tank in a central square.',
      newSource: { name: 'opposition groups', kind: 'organization' },
      stance: 'asserts',
      quote: 'a tank in a central square',
      evidenceKind: 'footage',
    },
  ];

  it('creates the document, claims, sources and attributions in one go, each with its audit event', async () => {
    const { db, caller } = await freshCaller('checker-1');
    const { rami, government } = await ledger(caller);
    let result!: Awaited<ReturnType<Caller['intake']['accept']>>;
    const events = await eventsWrittenBy(db, async () => {
      result = await caller.intake.accept({ document: DOC, proposals: proposals({ rami: rami.id }) });
    });

    // "Syrian Government" is the existing "Syrian government"; the second "opposition groups" is the first.
    expect(result.created).toEqual({ documents: 1, claims: 3, sources: 1, attributions: 4 });
    expect(result.reused).toEqual({ documents: 0, claims: 0, sources: 2, attributions: 0 });
    expect(result.items.map((i) => [i.claim.text, i.claim.created, i.source.name, i.source.created, i.attribution.created])).toEqual([
      ['Bashar al-Assad has left Syria.', true, 'Rami Abdurrahman', false, true],
      ['Bashar al-Assad has left Syria.', true, 'Syrian government', false, true],
      ['Opposition groups have entered Damascus.', true, 'Opposition groups', true, true],
      ['Opposition forces showed a tank in a central square.', true, 'Opposition groups', true, true],
    ]);
    expect(result.items[1]!.source.id).toBe(government.id);

    const [departure, entered, tank] = [result.items[0]!.claim.id, result.items[2]!.claim.id, result.items[3]!.claim.id];
    const opposition = result.items[2]!.source.id;
    const [a1, a2, a3, a4] = result.items.map((i) => i.attribution.id);
    expect(events.map((e) => [e.action, e.entity, e.entityId, e.actorId])).toEqual([
      ['create', 'document', result.document.id, 'checker-1'],
      ['create', 'claim', departure, 'checker-1'],
      ['create', 'attribution', a1, 'checker-1'],
      ['create', 'attribution', a2, 'checker-1'],
      ['create', 'claim', entered, 'checker-1'],
      ['create', 'source', opposition, 'checker-1'],
      ['create', 'attribution', a3, 'checker-1'],
      ['create', 'claim', tank, 'checker-1'],
      ['create', 'attribution', a4, 'checker-1'],
    ]);

    const claim = await caller.claims.get({ id: departure });
    expect(claim.attributions.map((a) => [a.sourceName, a.stance, a.documentId, a.evidenceKind])).toEqual([
      ['Rami Abdurrahman', 'asserts', result.document.id, 'statement'],
      ['Syrian government', 'denies', result.document.id, 'statement'],
    ]);
    expect((await caller.claims.get({ id: tank })).attributions[0]!.evidenceKind).toBe('footage');
    expect((await caller.documents.get({ id: result.document.id })).title).toBe(DOC.title);
  });

  it('adds nothing when the same article is accepted again, and reports everything as reused', async () => {
    const { db, caller } = await freshCaller();
    const { rami } = await ledger(caller);
    const first = await caller.intake.accept({ document: DOC, proposals: proposals({ rami: rami.id }) });
    const before = await snapshot(db);
    let again!: typeof first;
    const events = await eventsWrittenBy(db, async () => {
      // Same URL, a retyped title; claim text in another case: all the same records.
      again = await caller.intake.accept({
        document: { ...DOC, title: 'Another title' },
        proposals: proposals({ rami: rami.id }).map((p) => ({ ...p, claimText: p.claimText!.toUpperCase() })),
      });
    });
    expect(events).toEqual([]);
    expect(await snapshot(db)).toEqual(before);
    expect(again.created).toEqual({ documents: 0, claims: 0, sources: 0, attributions: 0 });
    expect(again.reused).toEqual({ documents: 1, claims: 3, sources: 3, attributions: 4 });
    expect(again.document).toMatchObject({ id: first.document.id, title: DOC.title, created: false });
    expect(again.items.map((i) => i.attribution.id)).toEqual(first.items.map((i) => i.attribution.id));
  });

  it('attaches evidence to an existing claim when one is picked', async () => {
    const { caller } = await freshCaller();
    const { rami } = await ledger(caller);
    const existing = await makeClaim(caller, { text: 'Assad has fled Syria' });
    const r = await caller.intake.accept({
      document: DOC,
      proposals: [{ claimId: existing.id, sourceId: rami.id, stance: 'asserts', quote: 'has reportedly left the country' }],
    });
    expect(r.items[0]!.claim).toEqual({ id: existing.id, text: 'Assad has fled Syria', created: false });
    expect((await caller.claims.get({ id: existing.id })).attributionCount).toBe(1);
  });

  it('leaves nothing behind when a proposal half-way through fails, and names the field', async () => {
    const { db, caller } = await freshCaller();
    const { rami } = await ledger(caller);
    const before = await snapshot(db);
    const list = proposals({ rami: rami.id });
    list[2] = { ...list[2]!, claimText: null, claimId: 999 };
    const err = await expectTRPCError(caller.intake.accept({ document: DOC, proposals: list }), 'NOT_FOUND');
    expect(err.fieldErrors).toEqual({ 'proposals.2.claimId': 'Claim #999 does not exist (it may have been deleted).' });
    expect(await snapshot(db)).toEqual(before);

    const noSource = list.map((p, i) => (i === 3 ? { ...p, newSource: null, sourceId: 999 } : { ...p, claimId: null, claimText: 'x'.repeat(10) }));
    const err2 = await expectTRPCError(caller.intake.accept({ document: DOC, proposals: noSource }), 'NOT_FOUND');
    expect(Object.keys(err2.fieldErrors ?? {})).toEqual(['proposals.3.sourceId']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('validates every field with a message naming it', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(
      caller.intake.accept({
        document: { url: 'ftp://x', title: '' },
        proposals: [
          { stance: 'asserts', quote: 'q' },
          { claimText: 'A claim', sourceId: 1, newSource: { name: 'X', kind: 'person' }, stance: 'asserts', quote: '' },
        ],
      }),
      'BAD_REQUEST',
    );
    expect(Object.keys(err.fieldErrors ?? {}).sort()).toEqual(['document.title', 'document.url', 'proposals.0.claimText', 'proposals.0.sourceId', 'proposals.1.sourceId']);
    expect((await expectTRPCError(caller.intake.accept({ document: DOC, proposals: [] }), 'BAD_REQUEST')).fieldErrors).toEqual({
      proposals: 'Accept at least one proposal',
    });
  });
});
