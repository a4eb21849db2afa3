import { Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';

export default function NotFound() {
  return (
    <Stack gap="xs" maw={560}>
      <Title order={1}>Not found</Title>
      <Text>This record does not exist. It may have been deleted or merged into another one.</Text>
      <Link href="/claims" className="cb-link">
        Back to claims
      </Link>
    </Stack>
  );
}
