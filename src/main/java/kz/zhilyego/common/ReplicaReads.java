package kz.zhilyego.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A read-only {@code @Transactional} method whose transaction may run on the PostgreSQL
 * streaming replica when one is configured ({@code spring.datasource.replica.url}; ADR
 * 0007): a read that may lag the primary by the replication delay without harm (search,
 * public listing pages, analytics). Joined by an outer transaction, or with no replica,
 * it reads the primary. Never put it on anything a write or a hold check depends on.
 * <p>
 * Read-only with propagation {@code SUPPORTS} also counts: no transaction of its own, its
 * statements run in auto-commit on one connection (search: a read-only transaction's
 * {@code COMMIT} was a round trip per search for nothing).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface ReplicaReads {

}
