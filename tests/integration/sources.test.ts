import { describe, expect, it } from 'vitest';
import { addUser, callerAs, freshCaller } from '../helpers/db';
import {
  allPages,
  countRows,
  eventsWrittenBy,
  expectTRPCError,
  gradeSource,
  longText,
  makeAttribution,
  makeClaim,
  makeDocument,
  makeSohrChain,
  makeSource,
  snapshot,
} from '../helpers/fixtures';

describe('sources.create and sources.get', () => {
  it('creates a source with cleaned aliases and defaults', async () => {
    const { db, caller } = await freshCaller();
    const created = await caller.sources.create({
      name: ' Syrian Observatory for Human Rights ',
      kind: 'ngo',
      aliases: ['SOHR', ' sohr ', 'syrian observatory for human rights', 'Syrian Observatory'],
      homepage: '',
    });
    expect(created).toMatchObject({
      name: 'Syrian Observatory for Human Rights',
      kind: 'ngo',
      aliases: ['SOHR', 'Syrian Observatory'],
      homepage: null,
      reliability: 'F',
      reliabilityNote: '',
      affiliationId: null,
      version: 1,
    });
    expect((await countRows(db)).sourceAlias).toBe(2);
    const got = await caller.sources.get({ id: created.id });
    expect(got).toMatchObject({ name: created.name, aliases: ['SOHR', 'Syrian Observatory'], affiliationChain: [], members: [], claims: [], documents: [] });
  });

  it('shows the affiliation chain nearest first and the members of a source', async () => {
    const { caller } = await freshCaller();
    const { network, sohr, rami } = await makeSohrChain(caller);
    const ramiPage = await caller.sources.get({ id: rami.id });
    expect(ramiPage.affiliationChain).toEqual([
      { id: sohr.id, name: 'Syrian Observatory for Human Rights', kind: 'ngo', reliability: 'B', affiliationRole: '', depth: 1 },
      { id: network.id, name: 'Syrian opposition monitoring network', kind: 'organization', reliability: 'F', affiliationRole: '', depth: 2 },
    ]);
    const sohrPage = await caller.sources.get({ id: sohr.id });
    expect(sohrPage.affiliationChain.map((s) => s.id)).toEqual([network.id]);
    expect(sohrPage.members).toEqual([{ id: rami.id, name: 'Rami Abdurrahman', kind: 'person', reliability: 'F', affiliationRole: 'head' }]);
    expect((await caller.sources.get({ id: network.id })).members.map((m) => m.id)).toEqual([sohr.id]);
  });

  it('shows the claims a source made or relayed, and the documents it published', async () => {
    const { caller } = await freshCaller();
    const { rami } = await makeSohrChain(caller);
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const outlet = await makeSource(caller, { name: 'The Daily Outlet', kind: 'media_outlet' });
    const doc = await makeDocument(caller, { publisherId: outlet.id, title: 'Assad flees', publishedAt: '2024-12-08' });
    const claim = await makeClaim(caller, { text: 'Assad has left Syria' });
    const attribution = await makeAttribution(caller, {
      claimId: claim.id,
      sourceId: rami.id,
      viaSourceId: agency.id,
      documentId: doc.id,
      quote: 'has reportedly left the country',
    });
    const direct = (await caller.sources.get({ id: rami.id })).claims;
    expect(direct).toEqual([
      expect.objectContaining({ attributionId: attribution.id, claimId: claim.id, claimText: 'Assad has left Syria', stance: 'asserts', role: 'direct', documentTitle: 'Assad flees' }),
    ]);
    expect((await caller.sources.get({ id: agency.id })).claims).toEqual([expect.objectContaining({ claimId: claim.id, role: 'relayed' })]);
    expect((await caller.sources.get({ id: outlet.id })).documents).toEqual([
      { id: doc.id, title: 'Assad flees', url: doc.url, publishedAt: '2024-12-08', kind: 'article' },
    ]);
  });

  it('refuses a second source with the same name, whatever the case', async () => {
    const { db, caller } = await freshCaller();
    await makeSource(caller, { name: 'Reuters', kind: 'wire_agency' });
    const before = await snapshot(db);
    const err = await expectTRPCError(makeSource(caller, { name: 'REUTERS' }), 'CONFLICT');
    expect(err.reason).toBe('duplicate');
    expect(err.fieldErrors).toEqual({ name: expect.stringContaining('exists already') });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['homepage', { homepage: 'javascript:alert(1)' }, 'Enter a full web address starting with http:// or https://'],
    ['homepage', { homepage: 'ftp://example.org/' }, 'Enter a full web address starting with http:// or https://'],
    ['homepage', { homepage: `https://example.org/${longText(2000)}` }, 'A URL can be 2000 characters at most'],
    ['name', { name: '   ' }, 'Name is required'],
    ['name', { name: longText(201) }, 'Name can be 200 characters at most'],
    ['kind', { kind: 'blogger' }, 'Choose what kind of source this is'],
    ['description', { description: longText(4001) }, 'Description can be 4000 characters at most'],
    ['affiliationRole', { affiliationRole: longText(201) }, 'Role can be 200 characters at most'],
    ['aliases.1', { aliases: ['ok', longText(201)] }, 'Alias can be 200 characters at most'],
    ['aliases', { aliases: Array.from({ length: 31 }, (_, i) => `alias ${i}`) }, 'At most 30 aliases'],
  ])('names the field %s when the input is invalid', async (field, input, message) => {
    const { db, caller } = await freshCaller();
    const err = await expectTRPCError(caller.sources.create({ name: 'A source', kind: 'person', ...(input as object) }), 'BAD_REQUEST');
    expect(err.fieldErrors).toEqual({ [field]: message });
    expect((await countRows(db)).source).toBe(0);
  });

  it('creates every source ungraded: a grade sent with the source is not applied', async () => {
    const { db } = await freshCaller();
    const checker = callerAs(db, await addUser(db, 'checker-1', 'checker'));
    const input = { name: 'Self-graded', kind: 'person', reliability: 'A', reliabilityNote: 'Trust me' } as never;
    const created = await checker.sources.create(input);
    expect(created).toMatchObject({ reliability: 'F', reliabilityNote: '' });
    const updated = await checker.sources.update({ ...(input as object), id: created.id, version: created.version } as never);
    expect(updated).toMatchObject({ version: 2, reliability: 'F', reliabilityNote: '' });
  });

  it('refuses an unknown affiliation, naming the field', async () => {
    const { db, caller } = await freshCaller();
    const err = await expectTRPCError(makeSource(caller, { affiliationId: 99 }), 'NOT_FOUND');
    expect(err.fieldErrors).toEqual({ affiliationId: 'Source #99 does not exist (it may have been deleted).' });
    expect(await countRows(db)).toMatchObject({ source: 0, auditEvent: 0 });
  });

  it('answers NOT_FOUND for an unknown source', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.sources.get({ id: 12 }), 'NOT_FOUND');
    expect(err.message).toBe('Source #12 does not exist (it may have been deleted).');
  });
});

describe('sources.update', () => {
  it('updates fields and aliases and records one event showing the changed fields only', async () => {
    const { db, caller } = await freshCaller();
    const { sohr } = await makeSohrChain(caller);
    const current = await caller.sources.get({ id: sohr.id });
    const events = await eventsWrittenBy(db, async () => {
      const updated = await caller.sources.update({
        id: sohr.id,
        version: current.version,
        name: current.name,
        kind: current.kind,
        affiliationId: current.affiliationId,
        homepage: current.homepage,
        aliases: [...current.aliases, 'OSDH'],
        description: 'UK-based monitor with a network of informants',
      });
      // The update leaves the editor's grade as it was.
      expect(updated).toMatchObject({ version: current.version + 1, reliability: 'B', aliases: ['OSDH', 'SOHR', 'Syrian Observatory'] });
    });
    expect(events).toHaveLength(1);
    const history = await caller.sources.history({ id: sohr.id });
    expect(history[0]).toMatchObject({ action: 'update', entity: 'source', entityId: sohr.id, label: 'Syrian Observatory for Human Rights' });
    expect(history[0]!.changes).toEqual([
      { field: 'description', from: '', to: 'UK-based monitor with a network of informants' },
      { field: 'aliases', from: ['SOHR', 'Syrian Observatory'], to: ['OSDH', 'SOHR', 'Syrian Observatory'] },
    ]);
    expect((await caller.sources.get({ id: sohr.id })).aliases.sort()).toEqual(['OSDH', 'SOHR', 'Syrian Observatory']);
  });

  it('allows changing the case of its own name but refuses another source’s name', async () => {
    const { caller } = await freshCaller();
    const a = await makeSource(caller, { name: 'Reuters' });
    const b = await makeSource(caller, { name: 'AFP' });
    const renamed = await caller.sources.update({ id: a.id, version: 1, name: 'REUTERS', kind: 'wire_agency' });
    expect(renamed.name).toBe('REUTERS');
    const err = await expectTRPCError(caller.sources.update({ id: b.id, version: 1, name: 'reuters', kind: 'wire_agency' }), 'CONFLICT');
    expect(err.fieldErrors).toEqual({ name: expect.stringContaining('Another source') });
  });

  it('refuses affiliation loops and self-affiliation, and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const { network, rami } = await makeSohrChain(caller);
    const before = await snapshot(db);
    const loop = await expectTRPCError(
      caller.sources.update({ id: network.id, version: 1, name: network.name, kind: network.kind, affiliationId: rami.id }),
      'BAD_REQUEST',
    );
    expect(loop.fieldErrors).toEqual({ affiliationId: expect.stringContaining('loop') });
    const self = await expectTRPCError(
      caller.sources.update({ id: rami.id, version: 1, name: rami.name, kind: rami.kind, affiliationId: rami.id }),
      'BAD_REQUEST',
    );
    expect(self.fieldErrors).toEqual({ affiliationId: 'A source cannot be affiliated with itself.' });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a stale version and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller, { name: 'Reuters' });
    await caller.sources.update({ id: s.id, version: 1, name: 'Reuters', kind: 'wire_agency', description: 'International news agency' });
    const before = await snapshot(db);
    const err = await expectTRPCError(
      caller.sources.update({ id: s.id, version: 1, name: 'Reuters', kind: 'wire_agency', description: 'A wire service' }),
      'CONFLICT',
    );
    expect(err.reason).toBe('stale');
    expect(err.detail).toMatchObject({ current: { description: 'International news agency', version: 2 } });
    expect(await snapshot(db)).toEqual(before);
  });

  it('validates the homepage on update too', async () => {
    const { caller } = await freshCaller();
    const s = await makeSource(caller);
    const err = await expectTRPCError(
      caller.sources.update({ id: s.id, version: 1, name: s.name, kind: s.kind, homepage: 'javascript:alert(1)' }),
      'BAD_REQUEST',
    );
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['homepage']);
  });

  it('answers NOT_FOUND for an unknown source', async () => {
    const { caller } = await freshCaller();
    await expectTRPCError(caller.sources.update({ id: 8, version: 1, name: 'Nobody', kind: 'person' }), 'NOT_FOUND');
  });
});

describe('sources.grade', () => {
  const RATIONALE = 'UK-based monitor with a network of informants; figures sometimes revised';

  it('grades a source with its rationale and records one event: who graded it, from what to what, and why', async () => {
    const { db } = await freshCaller();
    const editor = callerAs(db, await addUser(db, 'editor-1', 'editor', 'Eli Editor'));
    const { sohr } = await makeSohrChain(editor);
    const current = await editor.sources.get({ id: sohr.id });
    expect(current).toMatchObject({ reliability: 'B', version: 2 });
    const events = await eventsWrittenBy(db, async () => {
      const graded = await editor.sources.grade({ id: sohr.id, version: current.version, reliability: 'C', reliabilityNote: ` ${RATIONALE} ` });
      expect(graded).toMatchObject({
        version: current.version + 1,
        reliability: 'C',
        reliabilityNote: RATIONALE,
        // Everything else stays as it was.
        name: current.name,
        description: current.description,
        homepage: current.homepage,
        affiliationId: current.affiliationId,
        aliases: current.aliases,
      });
    });
    expect(events).toMatchObject([{ action: 'update', entity: 'source', entityId: sohr.id, actorId: 'editor-1' }]);
    const history = await editor.sources.history({ id: sohr.id });
    expect(history[0]).toMatchObject({ action: 'update', entity: 'source', actorName: 'Eli Editor', label: 'Syrian Observatory for Human Rights' });
    expect(history[0]!.changes).toEqual([
      { field: 'reliability', from: 'B', to: 'C' },
      { field: 'reliabilityNote', from: 'Graded B on its track record', to: RATIONALE },
    ]);
    // The first grade is in the history too, from the ungraded F.
    expect(history[1]!.changes).toEqual([
      { field: 'reliability', from: 'F', to: 'B' },
      { field: 'reliabilityNote', from: '', to: 'Graded B on its track record' },
    ]);
    expect(await editor.sources.get({ id: sohr.id })).toMatchObject({ reliability: 'C', reliabilityNote: RATIONALE });
  });

  it('changes nothing and records nothing when the grade and rationale are the same', async () => {
    const { db, caller } = await freshCaller();
    const s = await gradeSource(caller, await makeSource(caller), 'A', 'Wire agency with a strong correction record');
    const before = await snapshot(db);
    const again = await caller.sources.grade({ id: s.id, version: s.version, reliability: 'A', reliabilityNote: 'Wire agency with a strong correction record' });
    expect(again).toEqual(s);
    expect(await snapshot(db)).toEqual(before);
    // A new rationale alone is a change.
    const reworded = await caller.sources.grade({ id: s.id, version: s.version, reliability: 'A', reliabilityNote: 'Strong correction record' });
    expect(reworded.version).toBe(s.version + 1);
    expect((await caller.sources.history({ id: s.id }))[0]!.changes).toEqual([
      { field: 'reliabilityNote', from: 'Wire agency with a strong correction record', to: 'Strong correction record' },
    ]);
  });

  it('refuses a checker (FORBIDDEN) and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller);
    const checker = callerAs(db, await addUser(db, 'checker-1', 'checker'));
    const before = await snapshot(db);
    const err = await expectTRPCError(checker.sources.grade({ id: s.id, version: s.version, reliability: 'A', reliabilityNote: 'Looks fine to me' }), 'FORBIDDEN');
    expect(err.message).toBe('This needs an editor; you are signed in as checker.');
    expect(await snapshot(db)).toEqual(before);
    expect(await checker.sources.get({ id: s.id })).toMatchObject({ reliability: 'F', version: 1 });
  });

  it.each([
    ['reliabilityNote', { reliabilityNote: '' }, 'Grade rationale is required'],
    ['reliabilityNote', { reliabilityNote: '   ' }, 'Grade rationale is required'],
    ['reliabilityNote', { reliabilityNote: longText(4001) }, 'Grade rationale can be 4000 characters at most'],
    ['reliability', { reliability: 'G' }, 'Choose a grade from A to F'],
    ['reliability', { reliability: undefined }, 'Choose a grade from A to F'],
  ])('names the field %s when the grade is invalid (%o), and changes nothing', async (field, input, message) => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller);
    const before = await snapshot(db);
    const err = await expectTRPCError(
      caller.sources.grade({ id: s.id, version: s.version, reliability: 'B', reliabilityNote: 'A reason', ...(input as object) }),
      'BAD_REQUEST',
    );
    expect(err.fieldErrors).toEqual({ [field]: message });
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a grade sent without any rationale, naming the field', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller);
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.sources.grade({ id: s.id, version: s.version, reliability: 'A' } as never), 'BAD_REQUEST');
    expect(Object.keys(err.fieldErrors ?? {})).toEqual(['reliabilityNote']);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a stale version, naming the current grade, and changes nothing', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller, { name: 'Reuters', kind: 'wire_agency' });
    await caller.sources.grade({ id: s.id, version: 1, reliability: 'A', reliabilityNote: 'Strong correction record' });
    const before = await snapshot(db);
    const err = await expectTRPCError(
      caller.sources.grade({ id: s.id, version: 1, reliability: 'E', reliabilityNote: 'Read an old page' }),
      'CONFLICT',
    );
    expect(err.reason).toBe('stale');
    expect(err.detail).toMatchObject({ current: { reliability: 'A', reliabilityNote: 'Strong correction record', version: 2 } });
    expect(await snapshot(db)).toEqual(before);
    // A checker's edit in between makes a grade read before it stale too.
    await caller.sources.update({ id: s.id, version: 2, name: 'Reuters', kind: 'wire_agency', description: 'News agency' });
    await expectTRPCError(caller.sources.grade({ id: s.id, version: 2, reliability: 'B', reliabilityNote: 'Usually right' }), 'CONFLICT');
    expect((await caller.sources.get({ id: s.id })).reliability).toBe('A');
  });

  it('answers NOT_FOUND for an unknown source', async () => {
    const { caller } = await freshCaller();
    const err = await expectTRPCError(caller.sources.grade({ id: 77, version: 1, reliability: 'A', reliabilityNote: 'Reason' }), 'NOT_FOUND');
    expect(err.message).toBe('Source #77 does not exist (it may have been deleted).');
  });
});

describe('sources.delete', () => {
  it('deletes an unused source with its aliases and records it', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller, { name: 'Residents', kind: 'anonymous_group', aliases: ['locals'] });
    const events = await eventsWrittenBy(db, () => caller.sources.delete({ id: s.id, version: 1 }));
    expect(events).toMatchObject([{ action: 'delete', entity: 'source', entityId: s.id, after: null }]);
    expect(JSON.parse(events[0]!.before!)).toMatchObject({ name: 'Residents', aliases: ['locals'] });
    expect(await countRows(db)).toMatchObject({ source: 0, sourceAlias: 0 });
    await expectTRPCError(caller.sources.get({ id: s.id }), 'NOT_FOUND');
  });

  it('refuses while others depend on it, naming every kind of dependent, and deletes nothing', async () => {
    const { db, caller } = await freshCaller();
    const { sohr } = await makeSohrChain(caller);
    const claim = await makeClaim(caller);
    const other = await makeSource(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: sohr.id });
    await makeAttribution(caller, { claimId: claim.id, sourceId: sohr.id, stance: 'reports' });
    await makeAttribution(caller, { claimId: claim.id, sourceId: other.id, viaSourceId: sohr.id });
    await makeDocument(caller, { publisherId: sohr.id });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.sources.delete({ id: sohr.id, version: sohr.version }), 'CONFLICT');
    expect(err.reason).toBe('in_use');
    expect(err.message).toBe(
      '“Syrian Observatory for Human Rights” cannot be deleted: 2 attributions name it as the source; 1 attribution was relayed via it; ' +
        'it is the publisher of 1 document; 1 source is affiliated with it. Remove or move those first.',
    );
    expect(err.detail).toEqual({ dependents: expect.any(Array) });
    expect(await snapshot(db)).toEqual(before);
  });

  it.each([
    ['members', 'source is affiliated with it'],
    ['documents', 'it is the publisher of 1 document'],
    ['attributions', 'attribution name it as the source'],
    ['relayed', 'attribution was relayed via it'],
  ] as const)('refuses when it only has %s', async (kind, text) => {
    const { db, caller } = await freshCaller();
    const target = await makeSource(caller);
    const claim = await makeClaim(caller);
    if (kind === 'members') await makeSource(caller, { affiliationId: target.id });
    if (kind === 'documents') await makeDocument(caller, { publisherId: target.id });
    if (kind === 'attributions') await makeAttribution(caller, { claimId: claim.id, sourceId: target.id });
    if (kind === 'relayed') await makeAttribution(caller, { claimId: claim.id, sourceId: (await makeSource(caller)).id, viaSourceId: target.id });
    const before = await snapshot(db);
    const err = await expectTRPCError(caller.sources.delete({ id: target.id, version: 1 }), 'CONFLICT');
    expect(err.message).toContain(text);
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses a stale version and an unknown source', async () => {
    const { db, caller } = await freshCaller();
    const s = await makeSource(caller);
    await gradeSource(caller, s, 'D');
    const before = await snapshot(db);
    expect((await expectTRPCError(caller.sources.delete({ id: s.id, version: 1 }), 'CONFLICT')).reason).toBe('stale');
    expect(await snapshot(db)).toEqual(before);
    await expectTRPCError(caller.sources.delete({ id: 999, version: 1 }), 'NOT_FOUND');
  });
});

describe('sources.list', () => {
  it('lists by name, case-insensitively, with affiliation and attribution count', async () => {
    const { caller } = await freshCaller();
    const { network, sohr, rami } = await makeSohrChain(caller);
    const afp = await gradeSource(caller, await makeSource(caller, { name: 'afp', kind: 'wire_agency' }), 'A');
    const claim = await makeClaim(caller);
    await makeAttribution(caller, { claimId: claim.id, sourceId: rami.id });
    const { items, nextCursor } = await caller.sources.list({});
    expect(nextCursor).toBeNull();
    expect(items.map((s) => s.id)).toEqual([afp.id, rami.id, sohr.id, network.id]);
    expect(items[1]).toEqual({
      id: rami.id,
      name: 'Rami Abdurrahman',
      kind: 'person',
      reliability: 'F',
      affiliationRole: 'head',
      affiliationId: sohr.id,
      affiliationName: 'Syrian Observatory for Human Rights',
      attributionCount: 1,
    });
  });

  it('filters by text in the name or an alias, by kind and by grade', async () => {
    const { caller } = await freshCaller();
    const { network, sohr, rami } = await makeSohrChain(caller);
    const ids = async (input: Parameters<typeof caller.sources.list>[0]) => (await caller.sources.list(input)).items.map((s) => s.id);
    expect(await ids({ q: 'sohr' })).toEqual([sohr.id]); // alias only
    expect(await ids({ q: 'abdel' })).toEqual([rami.id]); // alias only
    expect(await ids({ q: 'SYRIAN' })).toEqual([sohr.id, network.id]);
    expect(await ids({ kind: 'person' })).toEqual([rami.id]);
    expect(await ids({ reliability: 'B' })).toEqual([sohr.id]);
    expect(await ids({ q: 'syrian', reliability: 'F' })).toEqual([network.id]);
  });

  it('walks every page without duplicates or omissions', async () => {
    const { caller } = await freshCaller();
    const names = Array.from({ length: 23 }, (_, i) => (i % 2 ? `source ${String(i).padStart(2, '0')}` : `Source ${String(i).padStart(2, '0')}b`));
    for (const name of names) await makeSource(caller, { name });
    const whole = (await caller.sources.list({ limit: 100 })).items.map((s) => s.id);
    const pages = await allPages((cursor) => caller.sources.list({ limit: 5, cursor }));
    expect(pages.map((p) => p.length)).toEqual([5, 5, 5, 5, 3]);
    const walked = pages.flat().map((s) => s.id);
    expect(new Set(walked).size).toBe(23);
    expect(walked).toEqual(whole);
    const sorted = pages.flat().map((s) => s.name.toLowerCase());
    expect(sorted).toEqual([...sorted].sort());
  });
});

describe('sources.suggest', () => {
  it('finds sources by name and by alias, prefix matches first', async () => {
    const { caller } = await freshCaller();
    const { network, sohr, rami } = await makeSohrChain(caller);
    const byAlias = await caller.sources.suggest({ q: 'sohr' });
    expect(byAlias).toEqual([
      { id: sohr.id, name: 'Syrian Observatory for Human Rights', kind: 'ngo', reliability: 'B', affiliationName: network.name, matchedAlias: 'SOHR' },
    ]);
    expect((await caller.sources.suggest({ q: 'rami' })).map((s) => [s.id, s.matchedAlias])).toEqual([[rami.id, 'Rami Abdel Rahman']]);
    // "Syrian…" names start with the query; shorter names come first.
    const inside = await makeSource(caller, { name: 'Pro-Syrian media' });
    expect((await caller.sources.suggest({ q: 'syrian' })).map((s) => s.id)).toEqual([sohr.id, network.id, inside.id]);
    expect(await caller.sources.suggest({ q: 'syrian', limit: 2 })).toHaveLength(2);
    expect(await caller.sources.suggest({ q: '' })).toEqual([]);
  });
});

describe('sources.history', () => {
  it('shows the source’s own changes and the attributions that name or relay it, newest first', async () => {
    const { caller } = await freshCaller();
    const agency = await makeSource(caller, { name: 'Agencies', kind: 'wire_agency' });
    const rami = await makeSource(caller, { name: 'Rami Abdurrahman', kind: 'person' });
    const claim = await makeClaim(caller);
    const a = await makeAttribution(caller, { claimId: claim.id, sourceId: rami.id, viaSourceId: agency.id, quote: 'has left' });
    await caller.sources.grade({ id: agency.id, version: 1, reliability: 'B', reliabilityNote: 'Established agencies' });

    const history = await caller.sources.history({ id: agency.id });
    expect(history.map((h) => [h.action, h.entity, h.entityId])).toEqual([
      ['update', 'source', agency.id],
      ['create', 'attribution', a.id],
      ['create', 'source', agency.id],
    ]);
    expect(history[0]!.changes).toEqual([
      { field: 'reliability', from: 'F', to: 'B' },
      { field: 'reliabilityNote', from: '', to: 'Established agencies' },
    ]);
    expect(history[1]!.label).toBe('has left');
    expect((await caller.sources.history({ id: rami.id })).map((h) => h.entity)).toEqual(['attribution', 'source']);
    await expectTRPCError(caller.sources.history({ id: 404 }), 'NOT_FOUND');
  });
});
