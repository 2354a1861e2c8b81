package kz.zhilyego.common.web;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** Recognises "the database cannot be reached" anywhere in an exception's cause chain. */
final class DatabaseFailures {

	private DatabaseFailures() {
	}

	/**
	 * Connection refused, pool timed out, connection closed under us: SQLState class 08
	 * or a transient connection error. Such a failure is a 503 with Retry-After, not a
	 * bug.
	 */
	static boolean unreachable(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof SQLTransientConnectionException || t instanceof ConnectException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true;
			}
		}
		return false;
	}

}
