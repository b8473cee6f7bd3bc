// Embedded PostgreSQL for development: no DATABASE_URL needed.
export { DEFAULT_EMBEDDED_PORT, startEmbeddedPostgres, type EmbeddedPostgresServer, type StartEmbeddedPostgresOptions } from './start-embedded-postgres.js';
