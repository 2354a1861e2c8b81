package kz.zhilyego.platform;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import kz.zhilyego.common.ReplicaReads;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.ClassUtils;

/**
 * The DataSource behind every connection when a replica is configured: a connection for a
 * read-only transaction scope of a {@link ReplicaReads} method comes from the replica,
 * every other one from the primary. Wrapped in a {@code LazyConnectionDataSourceProxy},
 * so the choice is made at the transaction's first statement, when its name (the method)
 * and read-only flag are known. A replica that cannot give a connection is skipped for
 * {@link #PAUSE} and the primary answers instead (a warning in the log). Every replica
 * connection is validated as it is handed out (one round trip), so a replica that has
 * just stopped costs no request an error.
 */
final class ReplicaRouting extends AbstractDataSource {

	private static final Logger log = LoggerFactory.getLogger(ReplicaRouting.class);

	static final Duration PAUSE = Duration.ofSeconds(10);

	private static final int VALIDATION_SECONDS = 1;

	private final DataSource primary;

	private final DataSource replica;

	private final Clock clock;

	private final Map<String, Boolean> eligible = new ConcurrentHashMap<>();

	private final AtomicReference<Instant> skipReplicaUntil = new AtomicReference<>(Instant.MIN);

	ReplicaRouting(DataSource primary, DataSource replica, Clock clock) {
		this.primary = primary;
		this.replica = replica;
		this.clock = clock;
	}

	@Override
	public Connection getConnection() throws SQLException {
		if (!onReplica()) {
			return this.primary.getConnection();
		}
		try {
			Connection connection = this.replica.getConnection();
			// one round trip: a pooled connection to a replica that has just stopped
			// would otherwise fail the request's first statement
			if (connection.isValid(VALIDATION_SECONDS)) {
				return connection;
			}
			discard(connection);
			throw new SQLException("Replica connection is no longer valid");
		}
		catch (SQLException ex) {
			this.skipReplicaUntil.set(this.clock.instant().plus(PAUSE));
			log.warn("Replica unavailable, reading from the primary for {}: {}", PAUSE, ex.getMessage());
			return this.primary.getConnection();
		}
	}

	private void discard(Connection connection) throws SQLException {
		if (this.replica instanceof HikariDataSource pool) {
			pool.evictConnection(connection);
		}
		else {
			connection.close();
		}
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		throw new SQLException("Connections with other credentials are not supported");
	}

	/**
	 * Whether the current transaction scope reads the replica: a read-only one of a
	 * {@link ReplicaReads} method — an actual transaction or, with propagation
	 * {@code SUPPORTS} outside any, a scope whose statements run in auto-commit on one
	 * connection.
	 */
	boolean onReplica() {
		if (!TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			return false;
		}
		String name = TransactionSynchronizationManager.getCurrentTransactionName();
		return name != null && this.eligible.computeIfAbsent(name, ReplicaRouting::annotated)
				&& this.clock.instant().isAfter(this.skipReplicaUntil.get());
	}

	/**
	 * Whether the transaction named {@code kz.….Class.method} (Spring's name of a
	 * {@code @Transactional} method's transaction) is a {@link ReplicaReads} method.
	 */
	static boolean annotated(String transactionName) {
		int dot = transactionName.lastIndexOf('.');
		if (dot <= 0) {
			return false;
		}
		Class<?> type = type(transactionName.substring(0, dot));
		String method = transactionName.substring(dot + 1);
		return type != null && Arrays.stream(type.getDeclaredMethods())
			.filter(m -> m.getName().equals(method))
			.anyMatch((Method m) -> m.isAnnotationPresent(ReplicaReads.class));
	}

	private static @Nullable Class<?> type(String name) {
		try {
			return ClassUtils.forName(name, ReplicaRouting.class.getClassLoader());
		}
		catch (ClassNotFoundException | LinkageError ex) {
			return null;
		}
	}

}
