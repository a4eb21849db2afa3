'use client';

import { Button, Card, Group, Modal, Table, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { EmptyState } from '../_components/EmptyState';
import { formatDate, plural } from '../_components/format';
import { PageHeader } from '../_components/PageHeader';
import { TextFilter } from '../_components/TextFilter';
import { toQueryString } from '../_components/search-params';
import { useInvalidate } from '../_trpc/invalidate';
import { useTRPC } from '../_trpc/react';
import { StoryForm } from './StoryForm';

export function StoriesList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const invalidate = useInvalidate();
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const create = useMutation(trpc.stories.create.mutationOptions());
  const [creating, creation] = useDisclosure(false);
  // The desk has few stories: all are loaded, and the text filter (in the URL) narrows them here.
  const urlQ = useSearchParams().get('q') ?? '';
    const needle = urlQ.trim().toLowerCase();
  const shown = needle ? stories.filter((s) => `${s.title} ${s.description}`.toLowerCase().includes(needle)) : stories;

  return (
    <>
      <PageHeader
        title="Stories"
        subtitle="Developing events and the claims the desk is checking about each, most recently updated first."
        actions={
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={creation.open}>
            New story
          </Button>
        }
      />
      {stories.length > 0 && (
        <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
          <Group align="flex-end" gap="sm">
            <TextFilter label="Title or description" placeholder="e.g. Damascus" value={urlQ} onSubmit={(v) => router.push(`${pathname}${toQueryString({ q: v.trim() })}`)} />
            {urlQ && (
              <Button variant="subtle" onClick={() => router.push(pathname)}>
                Clear filter
              </Button>
            )}
          </Group>
        </Card>
      )}

      {shown.length === 0 ? (
        <EmptyState
          title={stories.length ? 'No story matches this filter.' : 'No stories yet.'}
          hint={stories.length ? 'Try other words or clear the filter.' : 'Start a story for the developing event you are checking, then log its claims.'}
        />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={640}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption>Stories, most recently updated first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Story</Table.Th>
                  <Table.Th ta="right">Claims</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {shown.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td maw={640}>
                      <Link href={`/stories/${s.id}`} className="cb-link">
                        <Text fw={550} size="sm" component="span">
                          {s.title}
                        </Text>
                      </Link>
                      {s.description && (
                        <Text size="xs" c="dimmed" lineClamp={2}>
                          {s.description}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      <Text size="sm" ff="monospace" c={Number(s.claimCount) ? undefined : 'dimmed'}>
                        {Number(s.claimCount ?? 0)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                        {formatDate(s.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      {stories.length > 0 && (
        <Text size="sm" c="dimmed" mt="md">
          {shown.length === stories.length ? plural(stories.length, 'story', 'stories') : `${shown.length} of ${plural(stories.length, 'story', 'stories')}`}
        </Text>
      )}

      <Modal opened={creating} onClose={creation.close} title="New story" size="lg">
        <StoryForm
          initial={{ title: '', description: '' }}
          submitLabel="Create story"
          onCancel={creation.close}
          onSubmit={async (v) => {
            const story = await create.mutateAsync(v);
            await invalidate('stories');
            creation.close();
            router.push(`/stories/${story.id}`);
          }}
        />
      </Modal>
    </>
  );
}
