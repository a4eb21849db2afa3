import { describe, expect, it } from 'vitest';
import { freshCaller } from '../helpers/db';
import {
  countRows,
  eventsWrittenBy,
  expectTRPCError,
  longText,
  makeAttribution,
  makeClaim,
  makeDocument,
  makeSohrChain,
  makeSource,
  snapshot,
} from '../helpers/fixtures';

describe('attributions.create', () => {
  it('logs who said what, where and via whom, and shows it on the claim', async () => {
    const { db, caller } = await freshCaller();
    const { sohr, rami } = await makeSohrChain(caller);
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const outlet = await makeSource(caller, { name: 'The Daily Outlet', kind: 'media_outlet' });
    const doc = await makeDocument(caller, { publisherId: outlet.id, title: 'Assad flees', publishedAt: '2024-12-08' });
    const claim = await makeClaim(caller, { text: 'Bashar al-Assad has left Syria' });

    const events = await eventsWrittenBy(db, async () => {
      const a = await caller.attributions.create({
        claimId: claim.id,
        sourceId: rami.id,
        stance: 'asserts',
        quote: 'has reportedly left the country for an undisclosed destination',
        documentId: doc.id,
        viaSourceId: agency.id,
      });
      expect(a).toMatchObject({ claimId: claim.id, sourceId: rami.id, evidenceKind: 'statement', note: '', version: 1 });
    });
    expect(events.map((e) => [e.action, e.entity])).toEqual([['create', 'attribution']]);
    const subjects = await db.selectFrom('auditSubject').select(['entity', 'entityId']).where('eventId', '=', events[0]!.id).orderBy('entity').orderBy('entityId').execute();
    expect(subjects).toEqual([
      { entity: 'claim', entityId: claim.id },
      { entity: 'document', entityId: doc.id },
      { entity: 'source', entityId: rami.id },
      { entity: 'source', entityId: agency.id },
    ]);

    const got = await caller.claims.get({ id: claim.id });
    expect(got.attributionCount).toBe(1);
    expect(got.attributions).toEqual([
      expect.objectContaining({
        stance: 'asserts',
        quote: 'has reportedly left the country for an undisclosed destination',
        sourceId: rami.id,
        sourceName: 'Rami Abdurrahman',
        sourceKind: 'person',
        sourceRole: 'head',
        affiliationId: sohr.id,
        affiliationName: 'Syrian Observatory for Human Rights',
        viaSourceId: agency.id,
        viaSourceName: 'Agencies',
        documentId: doc.id,
        documentTitle: 'Assad flees',
        documentUrl: doc.url,
        documentPublishedAt: '2024-12-08',
        publisherId: outlet.id,
        publisherName: 'The Daily Outlet',
      }),
    ]);
  });

  it('creates a new source and a new document inline, in one go', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller, { text: 'A tank is in a central Damascus square' });
    const events = await eventsWrittenBy(db, async () => {
      const a = await caller.attributions.create({
        claimId: claim.id,
        stance: 'asserts',
        evidenceKind: 'footage',
        newSource: { name: 'Opposition-linked media', kind: 'media_outlet' },
        newDocument: { url: 'https://video.example/tank-square', title: 'Footage: tank in the square', kind: 'video' },
      });
      const got = await caller.claims.get({ id: claim.id });
      expect(got.attributions[0]).toMatchObject({ id: a.id, sourceName: 'Opposition-linked media', documentTitle: 'Footage: tank in the square', evidenceKind: 'footage' });
      // A source created inline is ungraded, like any new source: an editor grades it later.
      expect(got.attributions[0]).toMatchObject({ sourceReliability: 'F' });
    });
    expect(events.map((e) => [e.action, e.entity])).toEqual([
      ['create', 'source'],
      ['create', 'document'],
      ['create', 'attribution'],
    ]);
    expect(await countRows(db)).toMatchObject({ source: 1, document: 1, attribution: 1 });
  });

  it.each([
    ['sourceId', {}, 'Pick a source or create one'],
    ['sourceId', { sourceId: 1, newSource: { name: 'New one', kind: 'person' } }, 'Pick an existing source or create a new one, not both'],
    ['documentId', { sourceId: 1, documentId: 1, newDocument: { url: 'https://a.example/', title: 'A' } }, 'Pick an existing document or create a new one, not both'],
    ['stance', { sourceId: 1, stance: 'maybe' }, 'Choose whether the source asserts, denies or only reports the claim'],
    ['quote', { sourceId: 1, quote: longText(4001) }, 'Quote can be 4000 characters at most'],
    ['note', { sourceId: 1, note: longText(4001) }, 'Note can be 4000 characters at most'],
    ['newDocument.url', { sourceId: 1, newDocument: { url: 'javascript:alert(1)', title: 'A' } }, 'Enter a full web address starting with http:// or https://'],
    ['newSource.homepage', { newSource: { name: 'New', kind: 'person', homepage: 'javascript:alert(1)' } }, 'Enter a full web address starting with http:// or https://'],
    ['newSource.name', { newSource: { name: '', kind: 'person' } }, 'Name is required'],
  ])('names the field %s when the input is invalid', async (field, input, message) => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.attributions.create({ claimId: claim.id, stance: 'asserts', ...(input as object) }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ [field]: message });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an unknown evidence kind', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const err = await expectTRPCError(makeAttribution(caller, { claimId: claim.id, sourceId: s.id, evidenceKind: 'rumour' as never }), 'BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['evidenceKind']);
  });

  it.each([
    ['claimId', { claimId: 404 }],
    ['sourceId', { sourceId: 404 }],
    ['documentId', { documentId: 404 }],
    ['viaSourceId', { viaSourceId: 404 }],
  ])('answers NOT_FOUND naming %s for an unknown reference, writing nothing', async (field, override) => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const before = await snapshot(db);
    const err = await expectTRPCError(makeAttribution(caller, { claimId: claim.id, sourceId: s.id, ...override }), 'NOT_FOUND');
    expect(err.fieldErrors).toEqual({ [field]: expect.stringContaining('#404 does not exist') });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a source relayed via itself', async () => {
    const { caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const err = await expectTRPCError(makeAttribution(caller, { claimId: claim.id, sourceId: s.id, viaSourceId: s.id }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ viaSourceId: 'A source cannot be relayed via itself; leave “via” empty.' });
  });

  describe('leaves nothing half-written when it fails', () => {
    it('with a new source and an unknown via source: no source, document or audit event remains', async () => {
      const { db, caller } = await freshCaller();
      const claim = await makeClaim(caller);
      const before = await snapshot(db);
      const err = await expectTRPCError(
        caller.attributions.create({
          claimId: claim.id,
          stance: 'asserts',
          newSource: { name: 'Rami Abdurrahman', kind: 'person', aliases: ['Rami Abdel Rahman'] },
          newDocument: { url: 'https://news.example/assad-left', title: 'Assad left' },
          viaSourceId: 9999,
        }),
        'NOT_FOUND',
      );
      expect(err.fieldErrors).toEqual({ viaSourceId: expect.any(String) });
      expect(await snapshot(db)).toEqual(before);
      expect(await countRows(db)).toMatchObject({ source: 0, sourceAlias: 0, document: 0, attribution: 0, auditEvent: 1 });
      // And the same call with a valid "via" then succeeds: no leftovers block it.
      await expect(
        caller.attributions.create({
          claimId: claim.id,
          stance: 'asserts',
          newSource: { name: 'Rami Abdurrahman', kind: 'person' },
          newDocument: { url: 'https://news.example/assad-left', title: 'Assad left' },
        }),
      ).resolves.toBeTruthy();
    });

    it('with a new source and a new document whose URL is taken: no new source remains', async () => {
      const { db, caller } = await freshCaller();
      const claim = await makeClaim(caller);
      const doc = await makeDocument(caller);
      const before = await snapshot(db);
      const err = await expectTRPCError(
        caller.attributions.create({
          claimId: claim.id,
          stance: 'denies',
          newSource: { name: 'Syrian government', kind: 'government_body' },
          newDocument: { url: doc.url, title: 'Again' },
        }),
        'CONFLICT',
      );
      expect(err.fieldErrors).toEqual({ 'newDocument.url': 'A document with this URL is logged already: pick it instead.' });
      expect(await snapshot(db)).toEqual(before);
    });

    it('with a new document whose publisher is unknown', async () => {
      const { db, caller } = await freshCaller();
      const claim = await makeClaim(caller);
      const before = await snapshot(db);
      const err = await expectTRPCError(
        caller.attributions.create({
          claimId: claim.id,
          stance: 'asserts',
          newSource: { name: 'Witness', kind: 'person' },
          newDocument: { url: 'https://a.example/1', title: 'A', publisherId: 77 },
        }),
        'NOT_FOUND',
      );
      expect(err.fieldErrors).toEqual({ 'newDocument.publisherId': expect.stringContaining('#77') });
      expect(await snapshot(db)).toEqual(before);
    });

    it('with a new source whose name is taken, naming newSource.name', async () => {
      const { db, caller } = await freshCaller();
      const claim = await makeClaim(caller);
      await makeSource(caller, { name: 'Reuters' });
      const before = await snapshot(db);
      const err = await expectTRPCError(
        caller.attributions.create({ claimId: claim.id, stance: 'reports', newSource: { name: 'reuters', kind: 'wire_agency' } }),
        'CONFLICT',
      );
      expect(err.fieldErrors).toEqual({ 'newSource.name': expect.stringContaining('exists already') });
      expect(await snapshot(db)).toEqual(before);
    });

    it('with a new source whose affiliation is unknown, naming newSource.affiliationId', async () => {
      const { db, caller } = await freshCaller();
      const claim = await makeClaim(caller);
      const before = await snapshot(db);
      const err = await expectTRPCError(
        caller.attributions.create({
          claimId: claim.id,
          stance: 'asserts',
          newSource: { name: 'Rami Abdurrahman', kind: 'person', affiliationId: 55 },
        }),
        'NOT_FOUND',
      );
      expect(await snapshot(db)).toEqual(before);
      // The inline form shows errors at newSource.*, as it does for newSource.name and newDocument.*.
      expect(err.fieldErrors).toEqual({ 'newSource.affiliationId': expect.stringContaining('#55') });
    });

    it('on an unknown claim, even with valid inline records', async () => {
      const { db, caller } = await freshCaller();
      const err = await expectTRPCError(
        caller.attributions.create({
          claimId: 3,
          stance: 'asserts',
          newSource: { name: 'Witness', kind: 'person' },
          newDocument: { url: 'https://a.example/1', title: 'A' },
        }),
        'NOT_FOUND',
      );
      expect(err.fieldErrors).toEqual({ claimId: expect.any(String) });
      expect(await countRows(db)).toMatchObject({ source: 0, document: 0, auditEvent: 0 });
    });
  });

  it('refuses logging the same attribution twice, but accepts another quote or stance', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const doc = await makeDocument(caller);
    const base = { claimId: claim.id, sourceId: s.id, documentId: doc.id, stance: 'asserts' as const, quote: 'He left' };
    await caller.attributions.create(base);
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.attributions.create(base), 'CONFLICT');
    expect(err).toMatchObject({ reason: 'duplicate', fieldErrors: { quote: expect.stringContaining('logged already') } });
    expect(await snapshot(db)).toEqual(before);
    await caller.attributions.create({ ...base, quote: 'He has left' });
    await caller.attributions.create({ ...base, stance: 'reports' });
    await caller.attributions.create({ ...base, documentId: null });
    expect((await caller.claims.get({ id: claim.id })).attributionCount).toBe(4);
  });
});

describe('attributions.update', () => {
  it('changes the attribution, records one event concerning old and new sources', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const rami = await makeSource(caller, { name: 'Rami Abdurrahman', kind: 'person' });
    const sohr = await makeSource(caller, { name: 'SOHR', kind: 'ngo' });
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const doc = await makeDocument(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: rami.id, quote: 'left' });
    const events = await eventsWrittenBy(db, async () => {
      const updated = await caller.attributions.update({
        id: a.id,
        version: 1,
        sourceId: sohr.id,
        documentId: doc.id,
        viaSourceId: agency.id,
        stance: 'reports',
        quote: 'has left Syria',
        evidenceKind: 'statement',
      });
      expect(updated).toMatchObject({ sourceId: sohr.id, documentId: doc.id, viaSourceId: agency.id, stance: 'reports', version: 2 });
    });
    expect(events.map((e) => [e.action, e.entity, e.entityId])).toEqual([['update', 'attribution', a.id]]);
    for (const id of [rami.id, sohr.id, agency.id]) {
      expect((await caller.sources.history({ id }))[0]).toMatchObject({ action: 'update', entity: 'attribution', entityId: a.id });
    }
    const [latest] = await caller.claims.history({ id: claim.id });
    expect(latest!.changes).toEqual(
      expect.arrayContaining([
        { field: 'sourceId', from: rami.id, to: sohr.id },
        { field: 'stance', from: 'asserts', to: 'reports' },
        { field: 'quote', from: 'left', to: 'has left Syria' },
      ]),
    );
    expect((await caller.claims.get({ id: claim.id })).attributionCount).toBe(1);
  });

  it('refuses turning an attribution into a copy of another one, as create does', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    await caller.attributions.create({ claimId: claim.id, sourceId: s.id, stance: 'asserts', quote: 'He left' });
    const other = await caller.attributions.create({ claimId: claim.id, sourceId: s.id, stance: 'asserts', quote: 'He has left' });
    const before = await snapshot(db);
    const err = await expectTRPCError(
      caller.attributions.update({ id: other.id, version: other.version, sourceId: s.id, stance: 'asserts', quote: 'He left' }),
      'CONFLICT',
    );
    expect(err).toMatchObject({ reason: 'duplicate', fieldErrors: { quote: expect.any(String) } });
    expect(await snapshot(db)).toEqual(before);
    // Saving an attribution unchanged is not a duplicate of itself.
    await expect(caller.attributions.update({ id: other.id, version: other.version, sourceId: s.id, stance: 'asserts', quote: 'He has left' })).resolves.toBeTruthy();
  });

  it('refuses a stale version, unknown references and relaying via itself, changing nothing', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: s.id });
    const base = { id: a.id, version: 1, sourceId: s.id, stance: 'asserts' as const };
    await caller.attributions.update({ ...base, quote: 'first edit' });
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.attributions.update({ ...base, quote: 'lost edit' }), 'CONFLICT')).reason).toBe('stale');
    const current = { ...base, version: 2 };
    expect((await expectTRPCError(caller.attributions.update({ ...current, sourceId: 500 }), 'NOT_FOUND')).fieldErrors).toEqual({
      sourceId: expect.any(String),
    });
    expect((await expectTRPCError(caller.attributions.update({ ...current, documentId: 500 }), 'NOT_FOUND')).fieldErrors).toEqual({
      documentId: expect.any(String),
    });
    expect((await expectTRPCError(caller.attributions.update({ ...current, viaSourceId: s.id }), 'BAD_REQUEST')).fieldErrors).toEqual({
      viaSourceId: expect.any(String),
    });
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.attributions.update({ ...current, id: 999 }), 'NOT_FOUND');
  });
});

describe('attributions.delete', () => {
  it('deletes the attribution, updates the claim’s count and records it', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: s.id });
    const events = await eventsWrittenBy(db, async () => {
      expect(await caller.attributions.delete({ id: a.id, version: 1 })).toEqual({ id: a.id, claimId: claim.id });
    });
    expect(events).toMatchObject([{ action: 'delete', entity: 'attribution', entityId: a.id, after: null }]);
    const got = await caller.claims.get({ id: claim.id });
    expect(got).toMatchObject({ attributionCount: 0, attributions: [] });
    // The source and claim stay; the source can now be deleted.
    await caller.sources.delete({ id: s.id, version: 1 });
  });

  it('refuses a stale version and an unknown attribution', async () => {
    const { db, caller } = await freshCaller();
    const claim = await makeClaim(caller);
    const s = await makeSource(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: s.id });
    await caller.attributions.update({ id: a.id, version: 1, sourceId: s.id, stance: 'denies' });
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.attributions.delete({ id: a.id, version: 1 }), 'CONFLICT')).reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.attributions.delete({ id: 404, version: 1 }), 'NOT_FOUND');
  });
});
