'use client';

import { AppShell, Burger, Group, NavLink, Title } from '@mantine/core';
import { useDisclosure, useHotkeys } from '@mantine/hooks';
import { IconActivity, IconBooks, IconFileText, IconGavel, IconMessageCircle, IconShieldLock, IconUsers } from '@tabler/icons-react';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useRef } from 'react';
import type { SessionUser } from '~/server/trpc';
import { hasRole } from '~/server/users/roles';
import { MeProvider } from './me';
import { UserMenu } from './UserMenu';
import { HeaderSearch } from '../_widgets/HeaderSearch';
import { IconFileImport } from '@tabler/icons-react';

const NAV = [
  { href: '/claims', label: 'Claims', icon: IconMessageCircle },
  { href: '/sources', label: 'Sources', icon: IconUsers },
  { href: '/documents', label: 'Documents', icon: IconFileText },
  { href: '/stories', label: 'Stories', icon: IconBooks },
  { href: '/intake', label: 'Intake', icon: IconFileImport },
  { href: '/activity', label: 'Activity', icon: IconActivity },
];

/** The frame of every screen: left navigation, a header with the one search box. */
export function AppFrame({ user, children }: { user: SessionUser; children: React.ReactNode }) {
  const [opened, { toggle }] = useDisclosure();
  const pathname = usePathname();
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
          <HeaderSearch inputRef={searchRef} />
          <UserMenu user={user} />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main">
        {[
          ...NAV.slice(0, 4),
          // Editors' work: the claims that wait for a verdict (the server refuses it to checkers anyway).
          ...(hasRole(user.role, 'editor') ? [{ href: '/review', label: 'Review queue', icon: IconGavel }] : []),
          ...NAV.slice(4),
          ...(hasRole(user.role, 'admin') ? [{ href: '/admin', label: 'Admin', icon: IconShieldLock }] : []),
        ].map((item) => (
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
