/** The current time as stored in the database: ISO-8601, UTC, millisecond precision. */
export const nowIso = () => new Date().toISOString();
