/** A LIKE pattern matching `q` anywhere (or at the start), with % and _ taken literally (ESCAPE '\'). */
export function likeContains(q: string): string {
  return `%${escapeLike(q)}%`;
}
export function likePrefix(q: string): string {
  return `${escapeLike(q)}%`;
}
function escapeLike(q: string): string {
  return q.replace(/[\\%_]/g, (c) => `\\${c}`);
}
