'use client';

import { Group, Stack, Text } from '@mantine/core';
import type { RouterOutputs } from '~/server/root';
import type { SearchKind } from '~/server/search/search.schema';
import { GradeBadge, StanceBadge, StatusBadge } from './badges';
import { formatDate } from './format';
import { Highlighted } from './Highlighted';

/** One search result of each kind, as the header dropdown and the search page show it. */
export type SearchGroups = RouterOutputs['search']['query']['groups'];
export type SearchHit<K extends SearchKind = SearchKind> = SearchGroups[K][number];

export const KIND_LABEL: Record<SearchKind, string> = { claim: 'Claims', source: 'Sources', document: 'Documents', quote: 'Quotes' };
export const KIND_ORDER: SearchKind[] = ['claim', 'source', 'document', 'quote'];

/** Where a result opens: a quote opens the claim it was said about. */
export function hitHref(kind: SearchKind, hit: SearchHit): string {
  if (kind === 'quote') return `/claims/${(hit as SearchHit<'quote'>).claimId}`;
  return `/${kind === 'claim' ? 'claims' : kind === 'source' ? 'sources' : 'documents'}/${hit.id}`;
}

/** The plain text of a result, for an accessible name. */
export function hitLabel(kind: SearchKind, hit: SearchHit): string {
  const strip = (s: string) => s.replace(/[\uE000\uE001]/g, '');
  switch (kind) {
    case 'claim':
      return strip((hit as SearchHit<'claim'>).text);
    case 'source':
      return strip((hit as SearchHit<'source'>).name);
    case 'document':
      return strip((hit as SearchHit<'document'>).title);
    case 'quote': {
      const q = hit as SearchHit<'quote'>;
      return `${q.sourceName}: “${strip(q.quote)}”`;
    }
  }
}

export function HitContent({ kind, hit, compact }: { kind: SearchKind; hit: SearchHit; compact?: boolean }) {
  const size = compact ? 'sm' : 'md';
  switch (kind) {
    case 'claim': {
      const c = hit as SearchHit<'claim'>;
      return (
        <Stack gap={2}>
          <Group gap="xs" wrap="nowrap" justify="space-between">
            <Text size={size} fw={550}>
              <Highlighted text={c.text} />
            </Text>
            {!compact && <StatusBadge status={c.status} />}
          </Group>
          {c.note && (
            <Text size="xs" c="dimmed">
              Note: <Highlighted text={c.note} />
            </Text>
          )}
        </Stack>
      );
    }
    case 'source': {
      const s = hit as SearchHit<'source'>;
      return (
        <Group gap="xs" wrap="nowrap">
          <GradeBadge grade={s.reliability} />
          <Stack gap={0}>
            <Text size={size} fw={550}>
              <Highlighted text={s.name} />
            </Text>
            {s.alias && (
              <Text size="xs" c="dimmed">
                also known as <Highlighted text={s.alias} />
              </Text>
            )}
          </Stack>
        </Group>
      );
    }
    case 'document': {
      const d = hit as SearchHit<'document'>;
      return (
        <Stack gap={0}>
          <Text size={size} fw={550}>
            <Highlighted text={d.title} />
          </Text>
          <Text size="xs" c="dimmed">
            {[d.publisherName, d.publishedAt && formatDate(d.publishedAt)].filter(Boolean).join(' · ') || 'Document'}
          </Text>
        </Stack>
      );
    }
    case 'quote': {
      const q = hit as SearchHit<'quote'>;
      return (
        <Stack gap={2}>
          <Text size={size} className="cb-quote">
            “<Highlighted text={q.quote} />”
          </Text>
          <Group gap={6} wrap="nowrap">
            <StanceBadge stance={q.stance} />
            <Text size="xs" c="dimmed" lineClamp={1}>
              {q.sourceName} on “{q.claimText}”
            </Text>
          </Group>
        </Stack>
      );
    }
  }
}
