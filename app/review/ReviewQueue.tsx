'use client';

import { Badge, Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconChartBar, IconCircleDashed, IconRefreshAlert } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import type { RouterOutputs } from '~/server/root';
import type { QueueSort } from '~/server/reviews/reviews.schema';
import { StatusBadge, VerdictBadge } from '../_components/badges';
import { EmptyState } from '../_components/EmptyState';
import { formatDateTime, plural } from '../_components/format';
import { PageHeader } from '../_components/PageHeader';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { reviewQueueParams } from './params';

type Item = RouterOutputs['reviews']['queue']['items'][number];

const SORT_OPTIONS: { value: QueueSort; label: string }[] = [
  { value: 'attention', label: 'Most attention needed' },
  { value: 'disagreement', label: 'Biggest disagreement' },
  { value: 'most_attributed', label: 'Most attributions' },
  { value: 'recent', label: 'Most recent activity' },
];

const REASON = {
  never_reviewed: { label: 'Never reviewed', color: 'blue', icon: IconCircleDashed },
  evidence_changed: { label: 'Evidence changed', color: 'orange', icon: IconRefreshAlert },
  disagrees: { label: 'Disagrees', color: 'red', icon: IconAlertTriangle },
} as const;

export function ReviewQueue() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = reviewQueueParams(fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const { data } = useSuspenseQuery(trpc.reviews.queue.queryOptions(input));
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());

  const state: { story: number | null; sort: QueueSort | null; page: number | null } = {
    story: input.storyId,
    sort: input.sort === 'attention' ? null : input.sort,
    page: input.page === 1 ? null : input.page,
  };
  const go = (patch: Partial<typeof state>) => router.push(`${pathname}${toQueryString({ ...state, page: null, ...patch })}`);

  return (
    <>
      <PageHeader
        title="Review queue"
        subtitle="Claims that need an editor: never reviewed, evidence changed since the verdict, or a verdict the evidence no longer suggests."
        actions={
          <Button component={Link} href="/review/dashboard" variant="default" leftSection={<IconChartBar size={16} aria-hidden />}>
            Editors’ dashboard
          </Button>
        }
      />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <Select
            label="Story"
            placeholder="All stories"
            clearable
            searchable
            data={stories.map((s) => ({ value: String(s.id), label: s.title }))}
            value={input.storyId ? String(input.storyId) : null}
            onChange={(v) => go({ story: v ? Number(v) : null })}
            w={280}
          />
          <Select
            label="Order"
            data={SORT_OPTIONS}
            value={input.sort}
            allowDeselect={false}
            onChange={(v) => go({ sort: v === 'attention' || !v ? null : (v as QueueSort) })}
            w={230}
          />
        </Group>
      </Card>

      {data.items.length === 0 ? (
        <EmptyState
          title={input.storyId ? 'Nothing waits for review in this story.' : 'Nothing waits for review.'}
          hint="Every claim has a verdict that its current evidence supports."
        />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={1060}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption>
                {plural(data.total, 'claim')} waiting · page {data.page} of {data.pages}
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Claim</Table.Th>
                  <Table.Th w={175}>Why</Table.Th>
                  <Table.Th w={160}>Verdict</Table.Th>
                  <Table.Th w={205}>Suggested</Table.Th>
                  <Table.Th w={100}>Attributions</Table.Th>
                  <Table.Th w={150}>Last activity</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((c) => (
                  <QueueRow key={c.id} item={c} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {data.pages > 1 && (
        <Group justify="space-between" mt="md" component="nav" aria-label="Pages of the review queue">
          <Text size="sm" c="dimmed">
            Page {data.page} of {data.pages}
          </Text>
          <Group gap="xs">
            {data.page > 1 && (
              <Button variant="default" onClick={() => go({ page: data.page - 1 === 1 ? null : data.page - 1 })}>
                Previous page
              </Button>
            )}
            {data.page < data.pages && (
              <Button variant="default" onClick={() => go({ page: data.page + 1 })}>
                Next page
              </Button>
            )}
          </Group>
        </Group>
      )}
    </>
  );
}

function QueueRow({ item: c }: { item: Item }) {
  return (
    <Table.Tr>
      <Table.Td maw={420}>
        <Link href={`/claims/${c.id}`} className="cb-link">
          <Text fw={550} size="sm" component="span">
            {c.text}
          </Text>
        </Link>
        <div>
          <StatusBadge status={c.status} />
        </div>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {c.reasons.map((r) => {
            const s = REASON[r];
            return (
              <Badge key={r} color={s.color} variant="light" tt="none" leftSection={<s.icon size={12} aria-hidden />}>
                {s.label}
              </Badge>
            );
          })}
        </Group>
      </Table.Td>
      <Table.Td>
        <VerdictBadge verdict={c.verdict} />
        {c.latestReview && (
          <Text size="xs" c="dimmed">
            {c.latestReview.reviewerName ?? 'former member'}, {formatDateTime(c.latestReview.createdAt)}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <VerdictBadge verdict={c.suggestedLevel} />
        <Text size="xs" c="dimmed">
          support {c.score.toFixed(2)} · {c.counts.for} for, {c.counts.against} against
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{c.attributionCount}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{formatDateTime(c.lastActivityAt)}</Text>
      </Table.Td>
    </Table.Tr>
  );
}
