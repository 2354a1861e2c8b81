package kz.zhilyego.common.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.springframework.transaction.TransactionSystemException;

/** Recognises "the database cannot be reached" anywhere in an exception's cause chain. */
public final class DatabaseFailures {

	private static final String HIKARI_CLOSED = "Connection is closed";

	private DatabaseFailures() {
	}

	/**
	 * Connection refused, pool timed out, connection closed under us: SQLState class 08
	 * or a transient connection error. Such a failure is a 503 with Retry-After, not a
	 * bug.
	 */
	public static boolean unreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"))) {
				return true;
			}
			// the pool's connection was closed under us (the server went away during a
			// commit, then the rollback found the connection closed): HikariCP says so
			// without an SQLState
			if (t instanceof SQLException sql && sql.getSQLState() == null && HIKARI_CLOSED.equals(sql.getMessage())) {
				return true;
			}
			// "JDBC rollback failed" after the server went away: the reason is the
			// statement's failure, kept as the application exception, not as the cause
			if (t instanceof TransactionSystemException failed && failed.getApplicationException() != null
					&& failed.getApplicationException() != t && unreachable(failed.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

}
