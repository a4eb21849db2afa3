/** The article cut into runs of text, each with the proposals' roles that cover it. */
export type SpanRole = 'source' | 'cue' | 'content';
export interface Piece {
  start: number;
  end: number;
}
export interface Marked {
  role: SpanRole;
  proposal: number;
  /** This run is the first of its piece: where a label goes. */
  starts: boolean;
}
export interface Run {
  start: number;
  end: number;
  marks: Marked[];
}

/** The most specific role shows: a cue inside a content, a source inside another's content. */
export const ROLE_ORDER: SpanRole[] = ['cue', 'source', 'content'];

export function runsOf(length: number, spans: { proposal: number; role: SpanRole; pieces: Piece[] }[]): Run[] {
  const events: { at: number; open: boolean; key: string }[] = [];
  const info = new Map<string, { role: SpanRole; proposal: number; start: number }>();
  spans.forEach((s, i) =>
    s.pieces.forEach((p, j) => {
      if (p.end <= p.start) return;
      const key = `${i}:${j}`;
      info.set(key, { role: s.role, proposal: s.proposal, start: p.start });
      events.push({ at: Math.max(0, p.start), open: true, key }, { at: Math.min(length, p.end), open: false, key });
    }),
  );
  events.sort((a, b) => a.at - b.at || Number(a.open) - Number(b.open));
  const runs: Run[] = [];
  const active = new Set<string>();
  let pos = 0;
  const flush = (to: number) => {
    if (to <= pos) return;
    const marks = [...active].map((k) => {
      const m = info.get(k)!;
      return { role: m.role, proposal: m.proposal, starts: m.start === pos };
    });
    runs.push({ start: pos, end: to, marks });
    pos = to;
  };
  for (const e of events) {
    flush(e.at);
    if (e.open) active.add(e.key);
    else active.delete(e.key);
  }
  flush(length);
  return runs;
}
