'use client';

import { Card } from '@mantine/core';
import { useMutation, useSuspenseQuery } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { PageHeader } from '../../_components/PageHeader';
import { useInvalidate } from '../../_trpc/invalidate';
import { useTRPC } from '../../_trpc/react';
import { ClaimForm } from '../ClaimForm';

export function NewClaim({ storyId }: { storyId: number | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidate();
  const { data: stories } = useSuspenseQuery(trpc.stories.list.queryOptions());
  const create = useMutation(trpc.claims.create.mutationOptions());
  const initialStory = storyId ?? (stories.length === 1 ? stories[0]!.id : null);
  return (
    <>
      <PageHeader title="Log a claim" crumbs={[{ href: '/claims', label: 'Claims' }]} />
      <Card withBorder maw={760} padding="lg">
        <ClaimForm
          initial={{ text: '', contextNote: '', eventDate: '', status: 'open', storyIds: initialStory ? [String(initialStory)] : [] }}
          stories={stories}
          submitLabel="Log claim"
          suggestDuplicates
          onCancel={() => router.back()}
          onSubmit={async (v) => {
            const claim = await create.mutateAsync({
              text: v.text,
              contextNote: v.contextNote,
              eventDate: v.eventDate,
              status: v.status,
              storyId: v.storyIds[0] ? Number(v.storyIds[0]) : null,
            });
            await invalidate('claims', 'stories');
            router.push(`/claims/${claim.id}`);
          }}
        />
      </Card>
    </>
  );
}
