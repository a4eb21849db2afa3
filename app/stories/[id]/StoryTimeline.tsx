'use client';

import { Anchor, Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconGavel, IconQuote } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import type { RouterOutputs } from '~/server/root';
import { EVIDENCE_LABEL } from '~/server/shared/enums';
import { GradeBadge, StanceBadge, VerdictBadge } from '../../_components/badges';
import { formatDate } from '../../_components/format';
import { useTRPC } from '../../_trpc/react';

type Event = RouterOutputs['stories']['timeline']['events'][number];

const STANCE_VERB = { asserts: 'asserts', denies: 'denies', reports: 'reports, without endorsing,' } as const;

/** What was said in the story, by whom and when, and when editors reviewed it, day by day. */
export function StoryTimeline({ id }: { id: number }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.stories.timeline.queryOptions({ id }));
  if (!data) return <Text c="dimmed">Loading the timeline…</Text>;
  if (!data.events.length)
    return (
      <Card withBorder padding="lg">
        <Text fw={600}>Nothing on the timeline yet.</Text>
        <Text size="sm" c="dimmed">
          Attributions and reviews of this story’s claims appear here by date.
        </Text>
      </Card>
    );
  const days: { day: string; events: Event[] }[] = [];
  for (const e of data.events) {
    const day = e.at.slice(0, 10);
    if (days.at(-1)?.day !== day) days.push({ day, events: [] });
    days.at(-1)!.events.push(e);
  }
  return (
    <Stack gap="lg" maw={900}>
      {data.truncated && (
        <Text size="sm" c="dimmed">
          A long story: only the latest events are shown.
        </Text>
      )}
      {days.map(({ day, events }) => (
        <section key={day} aria-label={formatDate(day)}>
          <Title order={2} size="h5" mb="xs">
            {formatDate(day)}
          </Title>
          <Timeline bulletSize={22} lineWidth={2}>
            {events.map((e) => (
              <Timeline.Item
                key={`${e.type}:${e.id}`}
                bullet={e.type === 'review' ? <IconGavel size={12} aria-hidden /> : <IconQuote size={12} aria-hidden />}
                color={e.type === 'review' ? 'indigo' : e.stance === 'denies' ? 'red' : e.stance === 'asserts' ? 'teal' : 'gray'}
              >
                {e.type === 'attribution' ? <AttributionEvent e={e} /> : <ReviewEvent e={e} />}
              </Timeline.Item>
            ))}
          </Timeline>
        </section>
      ))}
    </Stack>
  );
}

function AttributionEvent({ e }: { e: Extract<Event, { type: 'attribution' }> }) {
  return (
    <Stack gap={4}>
      <Group gap={6} wrap="wrap">
        <StanceBadge stance={e.stance} />
        <Anchor component={Link} href={`/sources/${e.sourceId}`} size="sm" fw={600}>
          {e.sourceName}
        </Anchor>
        <GradeBadge grade={e.sourceReliability} />
        <Text size="sm">{STANCE_VERB[e.stance]}</Text>
        <Anchor component={Link} href={`/claims/${e.claimId}`} size="sm">
          {e.claimText}
        </Anchor>
      </Group>
      {e.quote && (
        <Text size="sm" className="cb-quote">
          “{e.quote}”
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {[
          EVIDENCE_LABEL[e.evidenceKind],
          e.documentTitle && `in “${e.documentTitle}”`,
          e.viaSourceName && `via ${e.viaSourceName}`,
          e.dated === 'published' ? 'published that day' : 'logged that day (no publication date)',
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
    </Stack>
  );
}

function ReviewEvent({ e }: { e: Extract<Event, { type: 'review' }> }) {
  return (
    <Group gap={6} wrap="wrap">
      <Text size="sm" fw={600}>
        {e.reviewerName ?? 'An editor'} reviewed
      </Text>
      <Anchor component={Link} href={`/claims/${e.claimId}`} size="sm">
        {e.claimText}
      </Anchor>
      <VerdictBadge verdict={e.verdict} />
    </Group>
  );
}
