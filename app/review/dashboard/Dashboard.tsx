'use client';

import { Button, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { IconGavel } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { GRADE_LABEL } from '~/server/shared/enums';
import { GradeBadge, StatusBadge, VerdictBadge } from '../../_components/badges';
import { formatDate, plural } from '../../_components/format';
import { PageHeader } from '../../_components/PageHeader';
import { useTRPC } from '../../_trpc/react';

function CountCard({ title, id, children }: { title: string; id: string; children: React.ReactNode }) {
  return (
    <Card withBorder padding="md" component="section" aria-labelledby={id}>
      <Title order={2} size="h5" id={id} mb="xs">
        {title}
      </Title>
      {children}
    </Card>
  );
}

function Counts({ rows, caption }: { rows: { label: React.ReactNode; n: number; key: string }[]; caption: string }) {
  return (
    <Table verticalSpacing={4} horizontalSpacing="xs" aria-label={caption}>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.key}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right" ff="monospace">
              {r.n}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The editors' dashboard: the desk's verdicts and sources at a glance. */
export function Dashboard() {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.reviews.dashboard.queryOptions());
  return (
    <>
      <PageHeader
        crumbs={[{ href: '/review', label: 'Review queue' }]}
        title="Editors’ dashboard"
        subtitle={`Claims reviewed this week: ${data.reviewedThisWeek.claims} (${plural(data.reviewedThisWeek.reviews, 'review')} since ${formatDate(data.reviewedThisWeek.since)}).`}
        actions={
          <Button component={Link} href="/review" leftSection={<IconGavel size={16} aria-hidden />}>
            Open the review queue
          </Button>
        }
      />
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" mb="md">
        <CountCard title="Claims by verdict" id="by-verdict">
          <Counts
            caption="Claims by verdict"
            rows={data.byVerdict.map((r) => ({ key: String(r.key), label: <VerdictBadge verdict={r.key} />, n: r.n }))}
          />
        </CountCard>
        <CountCard title="Claims by status" id="by-status">
          <Counts
            caption="Claims by status"
            rows={data.byStatus.map((r) => ({ key: r.key, label: <StatusBadge status={r.key} />, n: r.n }))}
          />
        </CountCard>
        <CountCard title="Sources by grade" id="by-grade">
          <Counts
            caption="Sources by grade"
            rows={data.sourcesByGrade.map((r) => ({
              key: r.key,
              label: (
                <Group gap={6} wrap="nowrap">
                  <GradeBadge grade={r.key} />
                  <Text size="sm">{GRADE_LABEL[r.key]}</Text>
                </Group>
              ),
              n: r.n,
            }))}
          />
        </CountCard>
      </SimpleGrid>
      <CountCard title="Most contradicted claims" id="most-contradicted">
        {data.mostContradicted.length === 0 ? (
          <Text size="sm" c="dimmed">
            No claim is contradicted by another yet.
          </Text>
        ) : (
          <Stack gap={6}>
            {data.mostContradicted.map((c) => (
              <Group key={c.id} gap="sm" wrap="nowrap" justify="space-between">
                <Link href={`/claims/${c.id}`} className="cb-link">
                  <Text size="sm" fw={550} component="span">
                    {c.text}
                  </Text>
                </Link>
                <Group gap="xs" wrap="nowrap">
                  <StatusBadge status={c.status} />
                  <VerdictBadge verdict={c.verdict} />
                  <Text size="sm" ff="monospace" aria-label={`${plural(c.contradictions, 'contradicting claim')}`}>
                    {plural(c.contradictions, 'contradiction')}
                  </Text>
                </Group>
              </Group>
            ))}
          </Stack>
        )}
      </CountCard>
    </>
  );
}
