'use client';

import { Button, Card, Group, Modal, Stack, Table, Tabs, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import type { RouterOutputs } from '~/server/root';
import { StanceBadge, StatusBadge, VerdictBadge } from '../../_components/badges';
import { formatDate, plural } from '../../_components/format';
import { HistoryList } from '../../_components/HistoryList';
import { useCan } from '../../_components/me';
import { PageHeader } from '../../_components/PageHeader';
import { Pager } from '../../_components/Pager';
import { fromURLSearchParams, toQueryString } from '../../_components/search-params';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ConfirmDelete } from '../../_widgets/ConfirmDelete';
import { storyClaimsInput } from '../params';
import { StoryForm } from '../StoryForm';
import { StoryTimeline } from './StoryTimeline';

type Story = RouterOutputs['stories']['get'];

export function StoryView({ id }: { id: number }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const invalidate = useInvalidate();
  // Deleting needs an editor (the server refuses anyone else); other roles do not see the button.
  const canDelete = useCan('editor');
  const input = storyClaimsInput(id, fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const { data: story, refetch } = useSuspenseQuery(trpc.stories.get.queryOptions({ id }));
  const { data: claims } = useSuspenseQuery(trpc.claims.list.queryOptions(input));
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const [tab, setTab] = useState<string | null>('claims');
  const history = useQuery(trpc.stories.history.queryOptions({ id }, { enabled: tab === 'history' }));
  const [draft, setDraft] = useState<Story | null>(null);
  const update = useMutation(trpc.stories.update.mutationOptions());
  const remove = useMutation(trpc.stories.delete.mutationOptions());
  const claimCount = Number(stories.find((s) => s.id === id)?.claimCount ?? claims.items.length);
  const page = (cursor: string | null) => router.push(`${pathname}${toQueryString({ cursor })}`, { scroll: cursor != null });

  return (
    <>
      <PageHeader
        crumbs={[{ href: '/stories', label: 'Stories' }]}
        title={story.title}
        actions={
          <>
            <Button variant="default" component={Link} href={`/stories/${story.id}/graph`}>
              Graph
            </Button>
            <Button variant="default" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => setDraft(story)}>
              Edit
            </Button>
            <Button component={Link} href={`/claims/new?story=${story.id}`} leftSection={<IconPlus size={14} aria-hidden />}>
              Log a claim in this story
            </Button>
          </>
        }
        subtitle={`${plural(claimCount, 'claim')} · started ${formatDate(story.createdAt)} · updated ${formatDate(story.updatedAt)}`}
      />
      {story.description && (
        <Card withBorder padding="sm" mb="md" maw={900}>
          <Text size="xs" fw={600} c="dimmed" tt="uppercase">
            About this story
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {story.description}
          </Text>
        </Card>
      )}

      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="claims">Claims ({claimCount})</Tabs.Tab>
          <Tabs.Tab value="timeline">Timeline</Tabs.Tab>
          <Tabs.Tab value="history">History</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="claims">
          {claims.items.length === 0 ? (
            <Card withBorder padding="lg">
              <Stack gap={6} align="flex-start">
                <Text fw={600}>No claims in this story yet.</Text>
                <Text size="sm" c="dimmed">
                  Log the first claim you meet in the coverage of this event.
                </Text>
                <Button size="xs" component={Link} href={`/claims/new?story=${story.id}`} leftSection={<IconPlus size={14} aria-hidden />}>
                  Log a claim in this story
                </Button>
              </Stack>
            </Card>
          ) : (
            <>
              <Text size="sm" mb="xs">
                <Link href={`/claims?story=${story.id}`} className="cb-link">
                  Filter and sort these claims in the claims list
                </Link>
              </Text>
              <Card withBorder padding={0}>
                <Table.ScrollContainer minWidth={760}>
                  <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
                    <Table.Caption>{input.cursor ? 'Claims in this story, continued' : 'Claims in this story, newest first'}</Table.Caption>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>Claim</Table.Th>
                        <Table.Th>Evidence</Table.Th>
                        <Table.Th>Status</Table.Th>
                        <Table.Th>Verdict</Table.Th>
                        <Table.Th>Event date</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {claims.items.map((c) => (
                        <Table.Tr key={c.id}>
                          <Table.Td maw={480}>
                            <Link href={`/claims/${c.id}`} className="cb-link">
                              <Text fw={550} size="sm" component="span">
                                {c.text}
                              </Text>
                            </Link>
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
                            <VerdictBadge verdict={c.verdict} />
                          </Table.Td>
                          <Table.Td>
                            <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                              {formatDate(c.eventDate)}
                            </Text>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              </Card>
            </>
          )}
          <Pager
            shown={claims.items.length}
            noun={['claim', 'claims']}
            later={input.cursor != null}
            onFirst={() => page(null)}
            onNext={claims.nextCursor ? () => page(claims.nextCursor) : null}
          />
        </Tabs.Panel>
        <Tabs.Panel value="timeline">
          <StoryTimeline id={id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          {history.data ? <HistoryList entries={history.data} /> : <Text c="dimmed">Loading history…</Text>}
        </Tabs.Panel>
      </Tabs>

      {canDelete && (
        <Group mt="xl" justify="flex-end">
          <ConfirmDelete
            what="this story"
            consequence={
              claimCount
                ? `The story will be deleted. Its ${plural(claimCount, 'claim')} stay on the desk; they are only taken out of this story. Everything stays in the history.`
                : 'The story will be deleted. The deletion stays in the history.'
            }
            onConfirm={async () => {
              await remove.mutateAsync({ id: story.id, version: story.version });
              notifications.show({ color: 'green', message: `Story “${story.title}” deleted.` });
              router.push('/stories');
              await invalidate('stories', 'claims');
            }}
          />
        </Group>
      )}

      <Modal opened={draft != null} onClose={() => setDraft(null)} title="Edit story" size="lg">
        {draft && (
          <StoryForm
            key={draft.version}
            initial={{ title: draft.title, description: draft.description }}
            submitLabel="Save changes"
            onCancel={() => setDraft(null)}
            onReload={async () => {
              const fresh = await refetch();
              if (fresh.data) setDraft(fresh.data);
            }}
            onSubmit={async (v) => {
              await update.mutateAsync({ id: draft.id, version: draft.version, ...v });
              await invalidate('stories', 'claims');
              setDraft(null);
              notifications.show({ color: 'green', message: 'Story saved.' });
            }}
          />
        )}
      </Modal>
    </>
  );
}
