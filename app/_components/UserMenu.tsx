'use client';

import { Avatar, Badge, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import type { SessionUser } from '~/server/trpc';
import { ROLE_LABEL } from '~/server/users/roles';
import { authClient } from '../_auth/client';

export function UserMenu({ user }: { user: SessionUser }) {
  const router = useRouter();
  const initials = user.name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .slice(0, 2)
    .toUpperCase();
  return (
    <Menu position="bottom-end" width={220}>
      <Menu.Target>
        <UnstyledButton aria-label={`Account: ${user.name}, ${ROLE_LABEL[user.role]}`}>
          <Group gap={8} wrap="nowrap">
            <Avatar size={30} color="indigo" radius="xl">
              {initials}
            </Avatar>
            <div style={{ lineHeight: 1.1 }}>
              <Text size="sm" fw={600} visibleFrom="md">
                {user.name}
              </Text>
              <Badge size="xs" variant="light" color="gray" tt="none" visibleFrom="md">
                {ROLE_LABEL[user.role]}
              </Badge>
            </div>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{user.email}</Menu.Label>
        <Menu.Item component={Link} href="/account" leftSection={<IconKey size={14} aria-hidden />}>
          Change password
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={14} aria-hidden />}
          onClick={async () => {
            await authClient.signOut();
            router.replace('/sign-in');
            router.refresh();
          }}
        >
          Sign out
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
