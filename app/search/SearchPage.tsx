'use client';

import { Alert, Anchor, Button, Card, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { SearchKind } from '~/server/search/search.schema';
import { CLAIM_STATUSES, STANCES, STANCE_LABEL, STATUS_LABEL, VERDICT_LABEL, type ClaimStatus, type Stance } from '~/server/shared/enums';
import { PageHeader } from '../_components/PageHeader';
import { HitContent, hitHref, KIND_LABEL, KIND_ORDER } from '../_components/SearchHits';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { SourcePicker } from '../_widgets/pickers';
import { searchPageInput } from './params';

/** Every kind of result for one search, with filters; the whole state lives in the URL. */
export function SearchPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = searchPageInput(fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const rangeError = input.from && input.to && input.from > input.to ? 'The end date is before the start date' : null;
  const { data, isFetching } = useQuery(trpc.search.query.queryOptions(input, { enabled: !rangeError }));
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const { data: source } = useQuery(trpc.sources.get.queryOptions({ id: input.sourceId ?? 0 }, { enabled: input.sourceId != null }));
  const [q, setQ] = useState(input.q);
  useEffect(() => setQ(input.q), [input.q]);

  const state = {
    q: input.q,
    kind: input.kind,
    story: input.storyId,
    status: input.status,
    verdict: input.verdict,
    source: input.sourceId,
    stance: input.stance,
    from: input.from,
    to: input.to,
  };
  const go = (patch: Partial<typeof state>) => router.push(`${pathname}${toQueryString({ ...state, ...patch })}`);
  const filtered = Boolean(input.kind || input.storyId || input.status || input.verdict || input.sourceId || input.stance || input.from || input.to);
  const kinds = KIND_ORDER.filter((k) => !input.kind || input.kind === k);

  return (
    <>
      <PageHeader title="Search" subtitle="Claims, notes, quotes, sources and their aliases, and document titles." />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Search and filters">
        <Stack gap="sm">
          <form
            role="search"
            aria-label="This page"
            onSubmit={(e) => {
              e.preventDefault();
              go({ q: q.trim() });
            }}
          >
            <TextInput
              label="Words"
              description="Every word counts as the start of a word: “assa syr” finds “Assad … Syria”."
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              leftSection={<IconSearch size={14} aria-hidden />}
              maxLength={200}
            />
          </form>
          <Group align="flex-end" gap="sm" wrap="wrap">
            <Select
              label="Kind"
              placeholder="Everything"
              clearable
              data={KIND_ORDER.map((k) => ({ value: k, label: KIND_LABEL[k] }))}
              value={input.kind}
              onChange={(v) => go({ kind: (v as SearchKind) ?? null })}
              w={150}
            />
            <Select
              label="Story"
              placeholder="All stories"
              clearable
              data={stories.map((s) => ({ value: String(s.id), label: s.title }))}
              value={input.storyId ? String(input.storyId) : null}
              onChange={(v) => go({ story: v ? Number(v) : null })}
              w={210}
            />
            <Select
              label="Status"
              placeholder="Any status"
              clearable
              data={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
              value={input.status}
              onChange={(v) => go({ status: (v as ClaimStatus) ?? null })}
              w={160}
            />
            <Select
              label="Verdict"
              placeholder="Any verdict"
              clearable
              data={Object.entries(VERDICT_LABEL).map(([k, label]) => ({ value: k, label: `${k} · ${label}` }))}
              value={input.verdict ? String(input.verdict) : null}
              onChange={(v) => go({ verdict: v ? Number(v) : null })}
              w={180}
            />
            <div style={{ width: 210 }}>
              <SourcePicker
                key={input.sourceId ?? 'none'}
                label="Source"
                placeholder="Any source"
                value={input.sourceId && source ? { id: source.id, label: source.name } : null}
                onChange={(v) => (v ? go({ source: v.id }) : input.sourceId && go({ source: null }))}
              />
            </div>
            <Select
              label="Stance"
              placeholder="Any stance"
              clearable
              data={STANCES.map((s) => ({ value: s, label: STANCE_LABEL[s] }))}
              value={input.stance}
              onChange={(v) => go({ stance: (v as Stance) ?? null })}
              w={200}
            />
            <TextInput type="date" label="From" value={input.from ?? ''} onChange={(e) => go({ from: e.currentTarget.value || null })} w={150} />
            <TextInput
              type="date"
              label="To"
              value={input.to ?? ''}
              onChange={(e) => go({ to: e.currentTarget.value || null })}
              error={rangeError}
              w={150}
            />
            {filtered && (
              <Button variant="subtle" onClick={() => go({ kind: null, story: null, status: null, verdict: null, source: null, stance: null, from: null, to: null })}>
                Clear filters
              </Button>
            )}
          </Group>
        </Stack>
      </Card>

      <div aria-live="polite" aria-busy={isFetching}>
        {!input.q.trim() ? (
          <Text c="dimmed">Type a few words to search. Press “/” anywhere to jump to the search box.</Text>
        ) : data && data.total === 0 ? (
          <Card withBorder padding="xl">
            <Stack align="center" gap="xs">
              <Text fw={600}>Nothing matches “{input.q}”{filtered ? ' with these filters' : ''}.</Text>
              <Text c="dimmed" size="sm">
                {filtered ? 'Loosen a filter or clear them all.' : 'Try fewer or shorter words.'}
              </Text>
            </Stack>
          </Card>
        ) : (
          data && (
            <Stack gap="md">
              {data.matched === 'any' && (
                <Alert color="gray" variant="light">
                  No result has every word; these have some of them, best first.
                </Alert>
              )}
              {kinds
                .filter((k) => data.groups[k].length > 0)
                .map((kind) => (
                  <Card withBorder padding={0} component="section" aria-label={KIND_LABEL[kind]} key={kind}>
                    <Group justify="space-between" px="md" py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
                      <Text fw={650} size="sm" component="h2">
                        {KIND_LABEL[kind]} ({data.groups[kind].length}
                        {data.groups[kind].length === input.limit ? '+' : ''})
                      </Text>
                      {!input.kind && data.groups[kind].length === input.limit && (
                        <Anchor component={Link} href={`${pathname}${toQueryString({ ...state, kind })}`} size="sm">
                          More {KIND_LABEL[kind].toLowerCase()}
                        </Anchor>
                      )}
                    </Group>
                    <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
                      {data.groups[kind].map((hit) => (
                        <li key={hit.id} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                          <Anchor component={Link} href={hitHref(kind, hit)} underline="never" c="inherit" display="block" px="md" py="sm" className="cb-result">
                            <HitContent kind={kind} hit={hit} />
                          </Anchor>
                        </li>
                      ))}
                    </Stack>
                  </Card>
                ))}
            </Stack>
          )
        )}
      </div>
    </>
  );
}
