'use client';

import { Button, Card, Group, Menu, Select, Table, Text } from '@mantine/core';
import { IconChevronDown, IconDownload, IconPlus } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { CLAIM_STATUSES, STANCES, STATUS_LABEL, type Stance } from '~/server/shared/enums';
import { StanceBadge, StatusBadge } from '../_components/badges';
import { formatDate } from '../_components/format';
import { EmptyState } from '../_components/EmptyState';
import { PageHeader } from '../_components/PageHeader';
import { Pager } from '../_components/Pager';
import { TextFilter } from '../_components/TextFilter';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { SourcePicker } from '../_widgets/pickers';
import { claimListInput } from './params';

const SORT_OPTIONS = [
  { value: 'newest', label: 'Newest first' },
  { value: 'oldest', label: 'Oldest first' },
  { value: 'most_attributed', label: 'Most attributed' },
];

export function ClaimsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = fromURLSearchParams(new URLSearchParams(useSearchParams().toString()));
  const input = claimListInput(params);
  const { data } = useSuspenseQuery(trpc.claims.list.queryOptions(input));
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const { data: source } = useQuery(trpc.sources.get.queryOptions({ id: input.sourceId ?? 0 }, { enabled: input.sourceId != null }));
  
  const state = {
    q: input.q,
    story: input.storyId,
    status: input.status,
    source: input.sourceId,
    stance: input.stance,
    sort: (input.sort === 'newest' ? null : input.sort) as string | null,
  };
  const go = (patch: Partial<typeof state>, cursor: string | null = null) =>
    router.push(`${pathname}${toQueryString({ ...state, ...patch, cursor })}`, { scroll: cursor != null });

  const filtered = Boolean(input.q || input.storyId || input.status || input.sourceId || input.stance);

  return (
    <>
      <PageHeader
        title="Claims"
        subtitle="Every checkable statement the desk is tracking."
        actions={
          <Group gap="xs">
            <ExportMenu query={toQueryString({ story: input.storyId, status: input.status })} />
            <Button component={Link} href="/claims/new" leftSection={<IconPlus size={16} aria-hidden />}>
              New claim
            </Button>
          </Group>
        }
      />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextFilter label="Text" placeholder="Words in the claim or its note" value={input.q} onSubmit={(v) => go({ q: v })} />
          <Select
            label="Story"
            placeholder="All stories"
            clearable
            data={stories.map((s) => ({ value: String(s.id), label: s.title }))}
            value={input.storyId ? String(input.storyId) : null}
            onChange={(v) => go({ story: v ? Number(v) : null })}
            w={220}
          />
          <Select
            label="Status"
            placeholder="Any status"
            clearable
            data={CLAIM_STATUSES.map((s) => ({ value: s, label: STATUS_LABEL[s] }))}
            value={input.status}
            onChange={(v) => go({ status: (v as typeof input.status) ?? null })}
            w={170}
          />
          <div style={{ width: 220 }}>
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
            data={STANCES.map((s) => ({ value: s, label: s === 'reports' ? 'Reports' : s === 'asserts' ? 'Asserts' : 'Denies' }))}
            value={input.stance}
            onChange={(v) => go({ stance: (v as Stance) ?? null })}
            w={150}
          />
          <Select
            label="Sort"
            data={SORT_OPTIONS}
            value={input.sort}
            allowDeselect={false}
            onChange={(v) => go({ sort: v === 'newest' ? null : v })}
            w={170}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => router.push(pathname)}>
              Clear filters
            </Button>
          )}
        </Group>
      </Card>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No claims match these filters.' : 'No claims yet.'}
          hint={filtered ? 'Loosen a filter or clear them all.' : 'Log the first claim you want to check.'}
        />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label={input.cursor ? 'Claims, continued' : 'Claims'}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Claim</Table.Th>
                  <Table.Th>Evidence</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Event date</Table.Th>
                  <Table.Th>Logged</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td maw={480}>
                      <Link href={`/claims/${c.id}`} className="cb-link">
                        <Text fw={550} size="sm" component="span">
                          {c.text}
                        </Text>
                      </Link>
                      {c.stories.length > 0 && (
                        <Text size="xs" c="dimmed">
                          {c.stories.map((s) => s.title).join(' · ')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        {(['asserts', 'denies', 'reports'] as const)
                          .filter((s) => c.stances[s] > 0)
                          .map((s) => (
                            <StanceBadge key={s} stance={s} count={c.stances[s]} />
                          ))}
                        {c.attributionCount === 0 && (
                          <Text size="xs" c="dimmed">
                            none yet
                          </Text>
                        )}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={c.status} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(c.eventDate)}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDate(c.createdAt)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Pager
        shown={data.items.length}
        noun={['claim', 'claims']}
        later={input.cursor != null}
        onFirst={() => go({})}
        onNext={data.nextCursor ? () => go({}, data.nextCursor) : null}
      />
    </>
  );
}

/** Downloads the claims of the story and status filters (with attributions and reviews). */
function ExportMenu({ query }: { query: string }) {
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button variant="default" leftSection={<IconDownload size={16} aria-hidden />} rightSection={<IconChevronDown size={14} aria-hidden />}>
          Export
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component="a" href={`/api/export/claims.csv${query}`} download>
          CSV (one row per attribution)
        </Menu.Item>
        <Menu.Item component="a" href={`/api/export/claims.json${query}`} download>
          JSON (claims, attributions, reviews)
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
