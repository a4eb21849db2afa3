'use client';

import { Alert, Anchor, Badge, Button, Card, Collapse, Grid, Group, List, Spoiler, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAlertTriangle, IconGavel, IconMinus, IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import type { RouterOutputs } from '~/server/root';
import { EVIDENCE_LABEL, VERDICT_LABEL } from '~/server/shared/enums';
import { GradeBadge, VerdictBadge } from '../../_components/badges';
import { formatDateTime, plural } from '../../_components/format';
import { Markdown } from '../../_components/Markdown';
import { useTRPC } from '../../_trpc/react';

export type ClaimAssessment = RouterOutputs['claims']['assessment'];
type Line = ClaimAssessment['lines'][number];

/** +1.20 / −0.11, as the explanation writes weights. */
const signed = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(2)}`;

/**
 * The claim's standing, beside the claim (DESIGN.md §6): the current verdict with who gave it
 * and its warnings, and the live assessment with every line of evidence, its weight and why.
 */
export function ClaimStanding({
  claimId,
  assessment,
  onReview,
}: {
  claimId: number;
  assessment: ClaimAssessment;
  /** Opens the review dialog (editors only; null hides the button). */
  onReview: (() => void) | null;
}) {
  return (
    <Grid gap="md" mb="lg" maw={1200}>
      <Grid.Col span={{ base: 12, md: 4 }}>
        <VerdictCard claimId={claimId} assessment={assessment} onReview={onReview} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <AssessmentCard assessment={assessment} />
      </Grid.Col>
    </Grid>
  );
}

function VerdictCard({ claimId, assessment, onReview }: { claimId: number; assessment: ClaimAssessment; onReview: (() => void) | null }) {
  const trpc = useTRPC();
  const review = assessment.latestReview;
  // The rationale of the latest review (the verdict itself is already prefetched with the assessment).
  const reviews = useQuery(trpc.reviews.list.queryOptions({ claimId }, { enabled: review != null }));
  const latest = reviews.data?.[0];
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="verdict-heading">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={2} size="h5" id="verdict-heading">
          Verdict
        </Title>
        {onReview && (
          <Button size="compact-sm" leftSection={<IconGavel size={14} aria-hidden />} onClick={onReview}>
            Review
          </Button>
        )}
      </Group>
      {review ? (
        <Stack gap="xs">
          <div>
            <VerdictBadge verdict={review.verdict} />
          </div>
          <Text size="sm" c="dimmed">
            {review.reviewerName ?? 'A former desk member'}, {formatDateTime(review.createdAt)}
          </Text>
          <Anchor href={`/published/claims/${claimId}`} size="sm" target="_blank">
            Public page
          </Anchor>
          {assessment.evidenceChanged && (
            <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} title="Evidence changed since this review">
              <Text size="xs">An attribution, a link or a grade changed after the verdict: the live assessment may no longer support it.</Text>
            </Alert>
          )}
          {assessment.disagreement > 0 && (
            <Alert color="red" variant="light" p="xs" icon={<IconAlertTriangle size={16} aria-hidden />} title="Verdict and assessment disagree">
              <Text size="xs">
                The verdict is {review.verdict} ({VERDICT_LABEL[review.verdict as keyof typeof VERDICT_LABEL].toLowerCase()}); the evidence now suggests{' '}
                {assessment.suggestedLevel} ({VERDICT_LABEL[assessment.suggestedLevel].toLowerCase()}).
              </Text>
            </Alert>
          )}
          {latest && (
            <Spoiler maxHeight={120} showLabel="Show the whole rationale" hideLabel="Show less">
              <Markdown>{latest.rationale}</Markdown>
            </Spoiler>
          )}
          {reviews.data && reviews.data.length > 1 && (
            <Text size="xs" c="dimmed">
              {plural(reviews.data.length - 1, 'earlier review')} in the history.
            </Text>
          )}
        </Stack>
      ) : (
        <Stack gap="xs" align="flex-start">
          <VerdictBadge verdict={null} />
          <Text size="sm" c="dimmed">
            No editor has reviewed this claim yet.
          </Text>
        </Stack>
      )}
    </Card>
  );
}

function AssessmentCard({ assessment: a }: { assessment: ClaimAssessment }) {
  const [showSentences, sentences] = useDisclosure(false);
  return (
    <Card withBorder padding="md" component="section" aria-labelledby="assessment-heading">
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Title order={2} size="h5" id="assessment-heading">
          Assessment (live)
        </Title>
        <Group gap="sm">
          <Text size="sm">suggests</Text>
          <VerdictBadge verdict={a.suggestedLevel} />
          <Text size="sm" fw={600} data-testid="support-score">
            support {a.score.toFixed(2)}
          </Text>
        </Group>
      </Group>
      <Text size="sm" mb="xs">
        {a.lines.length === 0
          ? 'No evidence is counted for or against yet.'
          : `${plural(a.counts.for, 'independent line')} for, ${a.counts.against} against:`}
      </Text>
      {a.lines.length > 0 && (
        <List spacing={6} listStyleType="none" mb="xs" aria-label="Lines of evidence">
          {a.lines.map((l) => (
            <EvidenceLine key={l.key} line={l} />
          ))}
        </List>
      )}
      {a.notCounted.length > 0 && (
        <Text size="xs" c="dimmed" mb="xs">
          Not counted: {a.notCounted.map((n) => n.reason).join('; ')}.
        </Text>
      )}
      <Button variant="subtle" size="compact-sm" px={0} w="fit-content" onClick={sentences.toggle} aria-expanded={showSentences} aria-controls="assessment-explanation">
        {showSentences ? 'Hide the explanation' : `Read the explanation (${plural(a.explanation.length, 'sentence')})`}
      </Button>
      <Collapse expanded={showSentences} id="assessment-explanation">
        <List size="sm" spacing={4} mt="xs" aria-label="Explanation">
          {a.explanation.map((s, i) => (
            <List.Item key={i}>{s}</List.Item>
          ))}
        </List>
      </Collapse>
    </Card>
  );
}

function EvidenceLine({ line: l }: { line: Line }) {
  const isFor = l.direction === 'for';
  const Icon = isFor ? IconPlus : IconMinus;
  return (
    <List.Item>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <Badge
          color={isFor ? 'teal' : 'red'}
          variant="light"
          size="sm"
          leftSection={<Icon size={10} aria-hidden />}
          tt="none"
          style={{ flexShrink: 0 }}
        >
          {isFor ? 'for' : 'against'}
        </Badge>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Text size="sm" fw={600}>
              {l.label}
            </Text>
            {l.type === 'origin' ? (
              <>
                <GradeBadge grade={l.grade} />
                <Text size="sm" c="dimmed">
                  {EVIDENCE_LABEL[l.evidenceKind].toLowerCase()}
                  {l.attributionIds.length > 1 ? ` · ${plural(l.attributionIds.length, 'attribution')}, counted once` : ''}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {l.link === 'supports' ? 'supporting claim' : 'contradicting claim'}
              </Text>
            )}
          </Group>
          <Text size="xs" c="dimmed">
            {l.reason}
          </Text>
        </div>
        <Text size="sm" fw={600} ff="monospace" c={isFor ? 'teal.9' : 'red.9'} style={{ flexShrink: 0 }}>
          {signed(l.weight)}
        </Text>
      </Group>
    </List.Item>
  );
}
