'use client';

import { Button, Card, Group, Table, Text } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { DOCUMENT_KIND_LABEL, type DocumentKind } from '~/server/shared/enums';
import { EmptyState } from '../_components/EmptyState';
import { formatDate, hostOf, safeHref } from '../_components/format';
import { PageHeader } from '../_components/PageHeader';
import { TextFilter } from '../_components/TextFilter';
import { Pager } from '../_components/Pager';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { SourcePicker } from '../_widgets/pickers';
import { documentListInput } from './params';

export function DocumentsList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = documentListInput(fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const { data } = useSuspenseQuery(trpc.documents.list.queryOptions(input));
  const { data: publisher } = useQuery(trpc.sources.get.queryOptions({ id: input.publisherId ?? 0 }, { enabled: input.publisherId != null }));
  
  const state = { q: input.q, publisher: input.publisherId };
  const go = (patch: Partial<typeof state>, cursor: string | null = null) =>
    router.push(`${pathname}${toQueryString({ ...state, ...patch, cursor })}`, { scroll: cursor != null });
  const filtered = Boolean(input.q || input.publisherId);

  return (
    <>
      <PageHeader
        title="Documents"
        subtitle="Articles, videos, posts and reports the desk has found claims in, newest logged first."
        actions={
          <Button component={Link} href="/documents/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New document
          </Button>
        }
      />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextFilter label="Title or URL" placeholder="Words in the title, or part of the address" value={input.q} onSubmit={(v) => go({ q: v })} />
          <div style={{ width: 240 }}>
            <SourcePicker
              key={input.publisherId ?? 'none'}
              label="Publisher"
              placeholder="Any publisher"
              value={input.publisherId && publisher ? { id: publisher.id, label: publisher.name } : null}
              onChange={(v) => (v ? go({ publisher: v.id }) : input.publisherId && go({ publisher: null }))}
            />
          </div>
          {filtered && (
            <Button variant="subtle" onClick={() => router.push(pathname)}>
              Clear filters
            </Button>
          )}
        </Group>
      </Card>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No documents match these filters.' : 'No documents yet.'}
          hint={filtered ? 'Loosen a filter or clear them all.' : 'Log the article, video or post a claim appeared in.'}
        />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={760}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption>{input.cursor ? 'Documents, continued' : 'Documents, newest logged first'}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Title</Table.Th>
                  <Table.Th>Publisher</Table.Th>
                  <Table.Th>Published</Table.Th>
                  <Table.Th ta="right">Attributions</Table.Th>
                  <Table.Th>Site</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((d) => {
                  const href = safeHref(d.url);
                  return (
                    <Table.Tr key={d.id}>
                      <Table.Td maw={460}>
                        <Link href={`/documents/${d.id}`} className="cb-link">
                          <Text fw={550} size="sm" component="span">
                            {d.title}
                          </Text>
                        </Link>
                        <Text size="xs" c="dimmed">
                          {DOCUMENT_KIND_LABEL[d.kind as DocumentKind]}
                          {d.archiveUrl ? ' · archived' : ''}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {d.publisherId != null ? (
                          <Link href={`/sources/${d.publisherId}`} className="cb-link">
                            <Text size="sm" component="span">
                              {d.publisherName}
                            </Text>
                          </Link>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                          {formatDate(d.publishedAt)}
                        </Text>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm" ff="monospace" c={d.attributionCount ? undefined : 'dimmed'}>
                          {d.attributionCount}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {href ? (
                          <a href={href} target="_blank" rel="noopener noreferrer" className="cb-link" aria-label={`${hostOf(d.url)} (original, opens in a new tab)`}>
                            <Text size="sm" component="span">
                              {hostOf(d.url)}
                            </Text>
                            <IconExternalLink size={12} aria-hidden style={{ marginLeft: 3, verticalAlign: -1 }} />
                          </a>
                        ) : (
                          <Text size="sm" c="dimmed">
                            {hostOf(d.url)}
                          </Text>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  );
                })}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      )}
      <Pager
        shown={data.items.length}
        noun={['document', 'documents']}
        later={input.cursor != null}
        onFirst={() => go({})}
        onNext={data.nextCursor ? () => go({}, data.nextCursor) : null}
      />
    </>
  );
}
