/**
 * Technical platform, no business rules: the embedded PostgreSQL used when no database is
 * configured; the request id's journey across threads (the async executor copies the
 * logging context, each scheduler execution gets an id of its own — the id itself and its
 * HTTP filter live in {@code common}); JSON log scrubbing and error reports to Sentry;
 * the meters that belong to no module (database up, integration sync failures); and
 * backups: {@code java -jar zhilyego.jar backup|restore} and the optional daily job
 * (docs/operations.md).
 */
@NullMarked
package kz.zhilyego.platform;

import org.jspecify.annotations.NullMarked;
