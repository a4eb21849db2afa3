'use client';

import { AppShell, Burger, Group, Kbd, NavLink, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconActivity, IconBooks, IconFileText, IconMessageCircle, IconSearch, IconShieldLock, IconUsers } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import type { SessionUser } from '~/server/trpc';
import { hasRole } from '~/server/users/roles';
import { MeProvider } from './me';
import { UserMenu } from './UserMenu';

const NAV = [
  { href: '/claims', label: 'Claims', icon: IconMessageCircle },
  { href: '/sources', label: 'Sources', icon: IconUsers },
  { href: '/documents', label: 'Documents', icon: IconFileText },
  { href: '/stories', label: 'Stories', icon: IconBooks },
  { href: '/activity', label: 'Activity', icon: IconActivity },
];

/** The frame of every screen: left navigation, a header with the one search box. */
export function AppFrame({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const [opened, { toggle }] = useDisclosure();
  const pathname = usePathname();
  const router = useRouter();
  const [q, setQ] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  useHotkeys([['/', () => searchRef.current?.focus()]]);

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 210, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="lg">
      <a href="#main" className="cb-skip-link">
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label="Toggle navigation" />
            <Link href="/claims" className="cb-link" aria-label="Corroborate, home">
              <Title order={2} size="h4" c="indigo.8">
                Corroborate
              </Title>
            </Link>
          </Group>
          <form
            role="search"
            style={{ flex: 1, maxWidth: 520 }}
            onSubmit={(e) => {
              e.preventDefault();
              router.push(q.trim() ? `/claims?q=${encodeURIComponent(q.trim())}` : '/claims');
            }}
          >
            <VisuallyHidden>
              <label htmlFor="global-search">Search claims</label>
            </VisuallyHidden>
            <TextInput
              id="global-search"
              ref={searchRef}
              value={q}
              onChange={(e) => setQ(e.currentTarget.value)}
              placeholder="Search claims…"
              leftSection={<IconSearch size={16} aria-hidden />}
              rightSection={<Kbd size="xs">/</Kbd>}
            />
          </form>
          <UserMenu user={user} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {[...NAV, ...(hasRole(user.role, 'admin') ? [{ href: '/admin', label: 'Admin', icon: IconShieldLock }] : [])].map((item) => (
          <NavLink
            key={item.href}
            component={Link}
            href={item.href}
            label={item.label}
            leftSection={<item.icon size={18} aria-hidden />}
            active={pathname === item.href || pathname.startsWith(`${item.href}/`)}
            aria-current={pathname === item.href ? 'page' : undefined}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main">
        <MeProvider user={user}>{children}</MeProvider>
      </AppShell.Main>
    </AppShell>
  );
}
