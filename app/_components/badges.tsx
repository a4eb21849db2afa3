'use client';

import { Badge, Tooltip } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconQuote, IconX } from '@tabler/icons-react';
import {
  GRADE_LABEL,
  STANCE_LABEL,
  STATUS_LABEL,
  VERDICT_LABEL,
  type ClaimStatus,
  type ReliabilityGrade,
  type Stance,
} from '~/server/shared/enums';

// Colour always comes with a label or an icon; it never carries meaning alone.

const STANCE_STYLE: Record<Stance, { color: string; icon: typeof IconCheck }> = {
  asserts: { color: 'teal', icon: IconCheck },
  denies: { color: 'red', icon: IconX },
  reports: { color: 'gray', icon: IconQuote },
};

export function StanceBadge({ stance, count }: { stance: Stance; count?: number }) {
  const s = STANCE_STYLE[stance];
  const label = stance === 'reports' ? 'Reports' : STANCE_LABEL[stance];
  return (
    <Badge color={s.color} variant="light" leftSection={<s.icon size={12} aria-hidden />} tt="none">
      {label}
      {count != null ? ` ${count}` : ''}
    </Badge>
  );
}

const GRADE_COLOR: Record<ReliabilityGrade, string> = { A: 'green', B: 'teal', C: 'yellow', D: 'orange', E: 'red', F: 'gray' };

export function GradeBadge({ grade }: { grade: ReliabilityGrade }) {
  return (
    <Tooltip label={`Reliability ${grade}: ${GRADE_LABEL[grade]}`}>
      <Badge
        color={GRADE_COLOR[grade]}
        variant={grade === 'F' ? 'outline' : 'light'}
        size="sm"
        radius="sm"
        aria-label={`Reliability ${grade}, ${GRADE_LABEL[grade].toLowerCase()}`}
        styles={grade === 'C' ? { root: { color: 'var(--mantine-color-yellow-9)' } } : undefined}
      >
        {grade}
      </Badge>
    </Tooltip>
  );
}

const STATUS_COLOR: Record<ClaimStatus, string> = { open: 'blue', ready_for_review: 'violet', reviewed: 'green', archived: 'gray' };

export function StatusBadge({ status }: { status: ClaimStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="dot" tt="none">
      {STATUS_LABEL[status]}
    </Badge>
  );
}

const VERDICT_COLOR = { 1: 'green', 2: 'teal', 3: 'yellow', 4: 'orange', 5: 'red', 6: 'gray' } as const;

export function VerdictBadge({ verdict }: { verdict: number | null }) {
  if (verdict == null)
    return (
      <Badge color="gray" variant="outline" leftSection={<IconCircleDashed size={12} aria-hidden />} tt="none">
        Not reviewed
      </Badge>
    );
  const v = verdict as keyof typeof VERDICT_LABEL;
  return (
    <Badge
      color={VERDICT_COLOR[v]}
      variant="light"
      tt="none"
      // Yellow text on a light yellow ground is too faint (WCAG AA): darken it, as GradeBadge does for C.
      styles={v === 3 ? { root: { color: 'var(--mantine-color-yellow-9)' } } : undefined}
    >
      {v} · {VERDICT_LABEL[v]}
    </Badge>
  );
}
