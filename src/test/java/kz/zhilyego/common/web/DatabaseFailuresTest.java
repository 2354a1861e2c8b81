package kz.zhilyego.common.web;

import java.net.ConnectException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseFailuresTest {

	@Test
	void aLostConnectionIsUnreachableWhereverItSitsInTheChain() {
		assertThat(DatabaseFailures.unreachable(new RuntimeException(new ConnectException("refused")))).isTrue();
		assertThat(DatabaseFailures.unreachable(new SQLException("terminating connection", "57P01"))).isTrue();
		assertThat(DatabaseFailures.unreachable(new SQLException("I/O error", "08006"))).isTrue();
	}

	@Test
	void aRollbackThatFindsThePoolsConnectionClosedIsUnreachable() {
		// the server went away during the commit; the rollback then found the connection
		// closed, and the commit's own exception was only logged
		assertThat(DatabaseFailures.unreachable(
				new TransactionSystemException("JDBC rollback failed", new SQLException("Connection is closed"))))
			.isTrue();
	}

	@Test
	void bugsAndConstraintViolationsAreNot() {
		assertThat(DatabaseFailures.unreachable(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseFailures
			.unreachable(new DataIntegrityViolationException("dup", new SQLException("duplicate key", "23505"))))
			.isFalse();
		assertThat(DatabaseFailures.unreachable(new SQLException("Connection is closed", "42000"))).isFalse();
	}

}
