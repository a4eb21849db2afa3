import { Box, Card, Center, Stack, Text, Title } from '@mantine/core';

/** The centred card of the signed-out screens. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: React.ReactNode }) {
  return (
    <Center mih="100vh" p="md" component="main">
      <Box w="100%" maw={440}>
        <Stack gap={4} mb="md" align="center">
          <Text fw={700} size="xl" c="indigo.8">
            Corroborate
          </Text>
          <Text size="sm" c="dimmed">
            Claim and source tracking for the fact-checking desk
          </Text>
        </Stack>
        <Card withBorder padding="xl" radius="md" shadow="sm">
          <Title order={1} size="h3" mb={subtitle ? 4 : 'md'}>
            {title}
          </Title>
          {subtitle && (
            <Text size="sm" c="dimmed" mb="md">
              {subtitle}
            </Text>
          )}
          {children}
        </Card>
      </Box>
    </Center>
  );
}
