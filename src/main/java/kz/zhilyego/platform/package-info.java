/**
 * Technical platform: the embedded PostgreSQL used when no database is configured,
 * request ids, rate-limit plumbing and other cross-cutting infrastructure with no
 * business rules.
 */
@NullMarked
package kz.zhilyego.platform;

import org.jspecify.annotations.NullMarked;
