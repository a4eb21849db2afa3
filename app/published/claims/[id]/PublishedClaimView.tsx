'use client';

import { Anchor, Badge, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import type { PublishedClaim } from '~/server/publish/publish.service';
import { SOURCE_KIND_LABEL } from '~/server/shared/enums';
import { StanceBadge, VerdictBadge } from '../../../_components/badges';
import { formatDate, safeHref } from '../../../_components/format';
import { Markdown } from '../../../_components/Markdown';

type Appearance = { url: string; headline?: string; datePublished?: string };

/** The public, read-only view of a published claim (no links into the desk's own screens). */
export function PublishedClaimView({ claim, deskName }: { claim: PublishedClaim; deskName: string }) {
  const appearances = (claim.claimReview.itemReviewed as { appearance?: Appearance[] }).appearance ?? [];
  const archiveOf = new Map(claim.attributions.map((a) => [a.documentUrl, a.documentArchiveUrl]));
  return (
      <Stack gap="lg">
        <div>
          <Text size="sm" c="dimmed">
            {deskName} · Fact check
          </Text>
          <Title order={1} size="h2">
            {claim.text}
          </Title>
          {claim.eventDate && (
            <Text size="sm" c="dimmed">
              Event date: {formatDate(claim.eventDate)}
            </Text>
          )}
        </div>

        <Card withBorder padding="md" component="section" aria-labelledby="verdict-heading">
          <Title order={2} size="h4" id="verdict-heading" mb="xs">
            Verdict
          </Title>
          <Group gap="sm" mb="xs">
            <VerdictBadge verdict={claim.review.verdict} />
            <Text size="sm" c="dimmed">
              Reviewed {formatDate(claim.review.createdAt)}
              {claim.review.reviewerName ? ` by ${claim.review.reviewerName}` : ''}
            </Text>
          </Group>
          <Markdown>{claim.review.rationale}</Markdown>
        </Card>

        <section aria-labelledby="sources-heading">
          <Title order={2} size="h4" id="sources-heading" mb="xs">
            Sources
          </Title>
          {claim.attributions.length === 0 ? (
            <Text size="sm" c="dimmed">
              No source on record.
            </Text>
          ) : (
            <List spacing="sm" listStyleType="none" ml={0} pl={0}>
              {claim.attributions.map((a) => (
                <List.Item key={a.id}>
                  <Group gap="xs" wrap="wrap">
                    <StanceBadge stance={a.stance} />
                    <Text fw={600} size="sm">
                      {a.sourceName}
                    </Text>
                    <Badge variant="outline" color="gray" size="sm" tt="none">
                      {SOURCE_KIND_LABEL[a.sourceKind]}
                    </Badge>
                    {a.viaSourceName && (
                      <Text size="sm" c="dimmed">
                        via {a.viaSourceName}
                      </Text>
                    )}
                  </Group>
                  {a.quote && (
                    <Text size="sm" fs="italic" mt={4}>
                      “{a.quote}”
                    </Text>
                  )}
                  {a.documentUrl && (
                    <Text size="xs" c="dimmed">
                      in {a.documentTitle ?? a.documentUrl}
                      {a.publisherName ? ` (${a.publisherName})` : ''}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          )}
        </section>

        <section aria-labelledby="appearances-heading">
          <Title order={2} size="h4" id="appearances-heading" mb="xs">
            Where the claim appeared
          </Title>
          {appearances.length === 0 ? (
            <Text size="sm" c="dimmed">
              No published appearance on record.
            </Text>
          ) : (
            <List spacing={4} size="sm">
              {appearances.map((d) => {
                const archive = safeHref(archiveOf.get(d.url));
                return (
                  <List.Item key={d.url}>
                    <Anchor href={safeHref(d.url)} rel="nofollow noopener noreferrer" target="_blank">
                      {d.headline ?? d.url}
                    </Anchor>
                    {d.datePublished ? ` · ${formatDate(d.datePublished)}` : ''}
                    {archive && (
                      <>
                        {' · '}
                        <Anchor href={archive} rel="nofollow noopener noreferrer" target="_blank">
                          archived copy
                        </Anchor>
                      </>
                    )}
                  </List.Item>
                );
              })}
            </List>
          )}
        </section>

        <Group gap="md">
          <Anchor href={`/published/claims/${claim.id}/claim-review.json`} download={`claim-review-${claim.id}.json`} size="sm">
            Download JSON-LD
          </Anchor>
          <Anchor href="/published/feed.json" size="sm">
            All published reviews (JSON-LD feed)
          </Anchor>
        </Group>
      </Stack>
  );
}
