import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './globals.css';

import { ColorSchemeScript, mantineHtmlProps, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import type { Metadata } from 'next';
import { AppFrame } from './_components/AppFrame';
import { TRPCReactProvider } from './_trpc/react';
import { theme } from './theme';

export const metadata: Metadata = {
  title: { default: 'Corroborate', template: '%s · Corroborate' },
  description: 'Claim and source-attribution tracker for newsrooms',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" {...mantineHtmlProps}>
      <head>
        <ColorSchemeScript defaultColorScheme="light" />
      </head>
      <body>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="top-right" />
          <TRPCReactProvider>
            <AppFrame>{children}</AppFrame>
          </TRPCReactProvider>
        </MantineProvider>
      </body>
    </html>
  );
}
