'use client';

import { Typography } from '@mantine/core';
import ReactMarkdown from 'react-markdown';

/**
 * Markdown written by desk members (review rationales), rendered safely: raw HTML in the text is
 * skipped (no rehype-raw), and link URLs pass react-markdown's default filter (no javascript:).
 * The text itself is stored verbatim.
 */
export function Markdown({ children }: { children: string }) {
  return (
    <Typography fz="sm">
      <ReactMarkdown skipHtml>{children}</ReactMarkdown>
    </Typography>
  );
}
