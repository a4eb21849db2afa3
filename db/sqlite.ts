import Database from 'better-sqlite3';

/**
 * Everything SQLite-specific about opening a connection lives here: pragmas for a
 * server that several requests share (WAL, foreign keys, a busy timeout).
 */
export function openSqlite(path: string): Database.Database {
  const conn = new Database(path);
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma('busy_timeout = 5000');
  conn.pragma('synchronous = NORMAL');
  return conn;
}
