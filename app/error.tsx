'use client';

import { Button, Group, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';

/** Shown when a page cannot be drawn: say what happened and what to do; nothing was changed. */
export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const badLink = /no longer valid|cursor/i.test(error.message);
  return (
    <Stack gap="sm" maw={600} role="alert">
      <Title order={1} size="h2">
        {badLink ? 'This link does not work any more' : 'This page could not be shown'}
      </Title>
      <Text>
        {badLink
          ? 'The page position in this address is out of date. Start again from the first page.'
          : 'Something went wrong while loading it. Nothing you saved was affected. Try again, or go back to the claims.'}
      </Text>
      {error.digest && (
        <Text size="xs" c="dimmed">
          Reference for support: {error.digest}
        </Text>
      )}
      <Group>
        <Button onClick={reset}>Try again</Button>
        <Button component={Link} href="/claims" variant="default">
          Go to claims
        </Button>
      </Group>
    </Stack>
  );
}
