import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './globals.css';

import { ColorSchemeScript, mantineHtmlProps, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { sessionUser } from '~/server/context';
import { AppFrame } from './_components/AppFrame';
import { TRPCReactProvider } from './_trpc/react';
import { theme } from './theme';

export const metadata: Metadata = {
  title: { default: 'Corroborate', template: '%s · Corroborate' },
  description: 'Claim and source-attribution tracker for newsrooms',
};

const PUBLIC_PATHS = ['/sign-in', '/invite/', '/published/'];

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  const h = await headers();
  const nonce = h.get('x-nonce') ?? undefined;
  const pathname = h.get('x-pathname') ?? '';
  const user = await sessionUser(h);
  const isPublic = PUBLIC_PATHS.some((p) => pathname === p || pathname.startsWith(p));
  // A session cookie that is no longer valid (expired, signed out elsewhere, account disabled).
  if (!user && !isPublic) redirect(`/sign-in${pathname && pathname !== '/' ? `?next=${encodeURIComponent(pathname)}` : ''}`);

  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" nonce={nonce} />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <TRPCReactProvider>{user && !isPublic ? <AppFrame user={user}>{children}</AppFrame> : children}</TRPCReactProvider>
        </MantineProvider>
      </body>
    </html>
  );
}
