'use client';

import { Card } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { PageHeader } from '../../_components/PageHeader';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { emptySource, SourceForm, sourceInputOf } from '../SourceForm';

export function NewSource() {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  const create = useMutation(trpc.sources.create.mutationOptions());
  return (
    <>
      <PageHeader title="New source" crumbs={[{ href: '/sources', label: 'Sources' }]} />
      <Card withBorder maw={820} padding="lg">
        <SourceForm
          initial={emptySource}
          submitLabel="Add source"
          onCancel={() => router.back()}
          onSubmit={async (v) => {
            const source = await create.mutateAsync(sourceInputOf(v));
            await invalidate('sources');
            router.push(`/sources/${source.id}`);
          }}
        />
      </Card>
    </>
  );
}
