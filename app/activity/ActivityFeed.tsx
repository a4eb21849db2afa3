'use client';

import { Button, Card, Group, Select, Text, TextInput } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { AuditEntity } from '~/db/schema';
import { EmptyState } from '../_components/EmptyState';
import { HistoryList } from '../_components/HistoryList';
import { PageHeader } from '../_components/PageHeader';
import { Pager } from '../_components/Pager';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { activityInput } from './params';

const ENTITY_OPTIONS: { value: AuditEntity; label: string }[] = [
  { value: 'claim', label: 'Claims' },
  { value: 'attribution', label: 'Attributions' },
  { value: 'claim_link', label: 'Claim links' },
  { value: 'source', label: 'Sources' },
  { value: 'document', label: 'Documents' },
  { value: 'story', label: 'Stories' },
  { value: 'story_claim', label: 'Story memberships' },
  { value: 'review', label: 'Reviews' },
  { value: 'merge', label: 'Merges' },
  { value: 'user', label: 'Accounts' },
  { value: 'invitation', label: 'Invitations' },
  { value: 'password_reset', label: 'Password reset links' },
];

const PAGE: Record<'claim' | 'source' | 'document' | 'story', { path: string; noun: string }> = {
  claim: { path: '/claims', noun: 'claim' },
  source: { path: '/sources', noun: 'source' },
  document: { path: '/documents', noun: 'document' },
  story: { path: '/stories', noun: 'story' },
};

/** Entities whose events point at a record with a page (a story membership points at its claim). */
const HAS_PAGE = new Set<AuditEntity>(['claim', 'source', 'document', 'story', 'story_claim']);

export function ActivityFeed() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = activityInput(fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const { data } = useSuspenseQuery(trpc.audit.activity.queryOptions(input));
  const { data: people } = useSuspenseQuery(trpc.users.directory.queryOptions());
  const state = { entity: input.entity as string | null, person: input.actorId, from: input.from, to: input.to };
  const filtered = Boolean(state.entity || state.person || state.from || state.to);
  const go = (patch: Partial<typeof state>, cursor: number | null = null) =>
    router.push(`${pathname}${toQueryString({ ...state, ...patch, cursor })}`, { scroll: cursor != null });

  return (
    <>
      <PageHeader title="Activity" subtitle="Every change on the desk, newest first. Nothing here can be edited or removed." />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
        <Group align="flex-end" gap="sm">
          <Select
            label="Record type"
            placeholder="Everything"
            clearable
            data={ENTITY_OPTIONS}
            value={input.entity}
            onChange={(v) => go({ entity: v })}
            w={220}
          />
          <Select
            label="Person"
            placeholder="Anyone"
            clearable
            searchable
            data={people.map((p) => ({ value: p.id, label: p.name }))}
            value={input.actorId}
            onChange={(v) => go({ person: v })}
            w={220}
          />
          <TextInput type="date" label="From" value={input.from ?? ''} onChange={(e) => go({ from: e.currentTarget.value || null })} w={170} />
          <TextInput type="date" label="To" value={input.to ?? ''} onChange={(e) => go({ to: e.currentTarget.value || null })} w={170} />
          {filtered && (
            <Button variant="subtle" onClick={() => router.push(pathname)}>
              Show everything
            </Button>
          )}
        </Group>
      </Card>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No changes match these filters.' : 'Nothing has happened yet.'}
          hint={filtered ? 'Loosen a filter, or show everything.' : 'Changes appear here as the desk logs claims, sources and documents.'}
        />
      ) : (
        <Card withBorder padding="md" component="section" aria-label={input.cursor ? 'Changes, continued' : 'Latest changes'}>
          <HistoryList
            entries={data.items}
            extra={(e) => {
              if (e.record) {
                const p = PAGE[e.record.entity];
                return (
                  <Link href={`${p.path}/${e.record.id}`} className="cb-link" aria-label={`See this ${p.noun} (#${e.record.id})${e.label ? `: ${e.label}` : ''}`}>
                    <Text size="xs" component="span">
                      See this {p.noun} <IconArrowRight size={11} aria-hidden style={{ verticalAlign: -1 }} />
                    </Text>
                  </Link>
                );
              }
              if (HAS_PAGE.has(e.entity))
                return (
                  <Text size="xs" c="dimmed">
                    {e.entity === 'story_claim' ? 'The claim' : 'This record'} no longer exists.
                  </Text>
                );
              return null;
            }}
          />
        </Card>
      )}
      <Pager
        shown={data.items.length}
        noun={['change', 'changes']}
        later={input.cursor != null}
        onFirst={() => go({})}
        onNext={data.nextCursor ? () => go({}, data.nextCursor) : null}
      />
    </>
  );
}
