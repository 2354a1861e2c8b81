package kz.zhilyego.identity;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** When an account was registered (the guest risk score's "new account" term). */
@Service
public class AccountAges {

	private final JdbcClient jdbc;

	AccountAges(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's registration time; empty when there is no such user. */
	@Transactional(readOnly = true)
	public Optional<Instant> registeredAt(long userId) {
		return this.jdbc.sql("select created_at from users where id = :id")
			.param("id", userId)
			.query((rs, n) -> rs.getTimestamp("created_at").toInstant())
			.optional();
	}

}
