'use client';

import { Anchor, Breadcrumbs, Group, Stack, Text, Title } from '@mantine/core';
import Link from 'next/link';

export function PageHeader({
  title,
  crumbs = [],
  subtitle,
  actions,
}: {
  title: React.ReactNode;
  crumbs?: { href: string; label: string }[];
  subtitle?: React.ReactNode;
  actions?: React.ReactNode;
}) {
  return (
    <Stack gap={6} mb="lg">
      {crumbs.length > 0 && (
        <Breadcrumbs aria-label="Breadcrumb" separatorMargin={6}>
          {crumbs.map((c) => (
            <Anchor key={c.href} component={Link} href={c.href} size="sm">
              {c.label}
            </Anchor>
          ))}
        </Breadcrumbs>
      )}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="lg">
        <Title order={1} fz={{ base: 22, sm: 26 }} fw={650} lh={1.25} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Title>
        {actions && (
          <Group gap="xs" wrap="nowrap">
            {actions}
          </Group>
        )}
      </Group>
      {subtitle && (
        <Text size="sm" c="dimmed" component="div">
          {subtitle}
        </Text>
      )}
    </Stack>
  );
}
