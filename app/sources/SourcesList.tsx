'use client';

import { Button, Card, Group, Select, Table, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useSuspenseQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { SOURCE_KIND_LABEL, type ReliabilityGrade, type SourceKind } from '~/server/shared/enums';
import { GradeBadge } from '../_components/badges';
import { EmptyState } from '../_components/EmptyState';
import { PageHeader } from '../_components/PageHeader';
import { TextFilter } from '../_components/TextFilter';
import { Pager } from '../_components/Pager';
import { fromURLSearchParams, toQueryString } from '../_components/search-params';
import { useTRPC } from '../_trpc/react';
import { GRADE_OPTIONS, KIND_OPTIONS } from './options';
import { sourceListInput } from './params';


const SORT_OPTIONS = [
  { value: 'name', label: 'By name' },
  { value: 'newest', label: 'Newest first' },
  { value: 'most_attributed', label: 'Most attributed' },
];
const CAPTION = { name: 'Sources, by name', newest: 'Sources, newest first', most_attributed: 'Sources, most attributed first' };

export function SourcesList() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const input = sourceListInput(fromURLSearchParams(new URLSearchParams(useSearchParams().toString())));
  const { data } = useSuspenseQuery(trpc.sources.list.queryOptions(input));
  
  const state = {
    q: input.q,
    kind: input.kind as string | null,
    grade: input.reliability as string | null,
    sort: (input.sort === 'name' ? null : input.sort) as string | null,
  };
  const go = (patch: Partial<typeof state>, cursor: string | null = null) =>
    router.push(`${pathname}${toQueryString({ ...state, ...patch, cursor })}`, { scroll: cursor != null });
  const filtered = Boolean(input.q || input.kind || input.reliability);

  return (
    <>
      <PageHeader
        title="Sources"
        subtitle="People, organizations, outlets and accounts that say or relay things, with their reliability grade."
        actions={
          <Button component={Link} href="/sources/new" leftSection={<IconPlus size={16} aria-hidden />}>
            New source
          </Button>
        }
      />
      <Card withBorder padding="sm" mb="md" component="section" aria-label="Filters">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextFilter label="Name or alias" placeholder="e.g. SOHR, Reuters, residents" value={input.q} onSubmit={(v) => go({ q: v })} />
          <Select
            label="Kind"
            placeholder="Any kind"
            clearable
            data={KIND_OPTIONS}
            value={input.kind}
            onChange={(v) => go({ kind: v })}
            w={190}
          />
          <Select
            label="Reliability"
            placeholder="Any grade"
            clearable
            data={GRADE_OPTIONS}
            value={input.reliability}
            onChange={(v) => go({ grade: v })}
            w={230}
          />
          <Select
            label="Sort"
            data={SORT_OPTIONS}
            value={input.sort}
            allowDeselect={false}
            onChange={(v) => go({ sort: v === 'name' ? null : v })}
            w={170}
          />
          {filtered && (
            <Button variant="subtle" onClick={() => router.push(`${pathname}${toQueryString({ sort: state.sort })}`)}>
              Clear filters
            </Button>
          )}
        </Group>
      </Card>

      {data.items.length === 0 ? (
        <EmptyState
          title={filtered ? 'No sources match these filters.' : 'No sources yet.'}
          hint={filtered ? 'Loosen a filter or clear them all.' : 'Add the first person, outlet or organization you quote.'}
        />
      ) : (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="sm" horizontalSpacing="md">
              <Table.Caption>{input.cursor ? `${CAPTION[input.sort]}, continued` : CAPTION[input.sort]}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Kind</Table.Th>
                  <Table.Th>Grade</Table.Th>
                  <Table.Th>Affiliation</Table.Th>
                  <Table.Th ta="right">Attributions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.items.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Link href={`/sources/${s.id}`} className="cb-link">
                        <Text fw={550} size="sm" component="span">
                          {s.name}
                        </Text>
                      </Link>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{SOURCE_KIND_LABEL[s.kind as SourceKind]}</Text>
                    </Table.Td>
                    <Table.Td>
                      <GradeBadge grade={s.reliability as ReliabilityGrade} />
                    </Table.Td>
                    <Table.Td>
                      {s.affiliationId != null ? (
                        <Text size="sm" component="span">
                          {s.affiliationRole && (
                            <Text span c="dimmed" size="sm">
                              {s.affiliationRole},{' '}
                            </Text>
                          )}
                          <Link href={`/sources/${s.affiliationId}`} className="cb-link">
                            {s.affiliationName}
                          </Link>
                        </Text>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td ta="right">
                      {s.attributionCount > 0 ? (
                        <Link href={`/claims?source=${s.id}`} className="cb-link" aria-label={`${s.attributionCount} attributions: see the claims of ${s.name}`}>
                          <Text size="sm" component="span" ff="monospace">
                            {s.attributionCount}
                          </Text>
                        </Link>
                      ) : (
                        <Text size="sm" c="dimmed" ff="monospace">
                          0
                        </Text>
                      )}
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
        noun={['source', 'sources']}
        later={input.cursor != null}
        onFirst={() => go({})}
        onNext={data.nextCursor ? () => go({}, data.nextCursor) : null}
      />
    </>
  );
}
