'use client';

import { Card } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { PageHeader } from '../../_components/PageHeader';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { DocumentForm } from '../DocumentForm';

export function NewDocument() {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  const create = useMutation(trpc.documents.create.mutationOptions());
  return (
    <>
      <PageHeader title="Log a document" crumbs={[{ href: '/documents', label: 'Documents' }]} />
      <Card withBorder maw={820} padding="lg">
        <DocumentForm
          initial={{ url: '', title: '', kind: 'article', publisherId: null, publishedAt: '', retrievedAt: '', archiveUrl: '' }}
          retrievedToday
          submitLabel="Log document"
          onCancel={() => router.back()}
          onSubmit={async (v) => {
            const doc = await create.mutateAsync(v);
            await invalidate('documents', 'sources');
            router.push(`/documents/${doc.id}`);
          }}
        />
      </Card>
    </>
  );
}
