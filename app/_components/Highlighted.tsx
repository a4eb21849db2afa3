import { markedParts } from '~/server/search/terms';

/**
 * Text from the search index with its matches in <mark>. The markers are private-use characters
 * (never HTML), split here into React text nodes: whatever the text holds is shown as text.
 */
export function Highlighted({ text }: { text: string }) {
  return (
    <>
      {markedParts(text).map((p, i) => (p.match ? <mark key={i} className="cb-mark">{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}
