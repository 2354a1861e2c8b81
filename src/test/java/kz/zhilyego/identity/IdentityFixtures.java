package kz.zhilyego.identity;

import java.util.concurrent.atomic.AtomicLong;

import kz.zhilyego.identity.internal.Tokens;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Builds users, agencies and tokens for tests with explicit SQL.
 * <ul>
 * <li>{@code new IdentityFixtures(jdbc)}: users and agencies only;</li>
 * <li>{@code new IdentityFixtures(applicationContext)}: also {@link #bearer(long)} (a
 * real access token minted by the application's token issuer, valid for 15 minutes of the
 * test clock).</li>
 * </ul>
 * Every user gets the password {@link #PASSWORD} and a unique phone number. E-mails must
 * be unique within a test's data (they are stored lower-case).
 */
public final class IdentityFixtures {

	public static final String PASSWORD = "password123";

	/** bcrypt of {@link #PASSWORD} with the cheapest cost, computed once per JVM. */
	private static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

	private static final AtomicLong PHONES = new AtomicLong(System.nanoTime() % 1_000_000);

	private final JdbcClient jdbc;

	private final @Nullable Tokens tokens;

	public IdentityFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.tokens = null;
	}

	public IdentityFixtures(ApplicationContext context) {
		this.jdbc = context.getBean(JdbcClient.class);
		this.tokens = context.getBean(Tokens.class);
	}

	/** A signed-in user (role USER). */
	public long user(String email) {
		return create(email, null, Role.USER);
	}

	/** A realtor, in the agency when {@code agencyId} is not null. */
	public long realtor(String email, @Nullable Long agencyId) {
		return create(email, agencyId, Role.USER, Role.REALTOR);
	}

	/** The head of an agency (roles REALTOR and SUPER_ADMIN). */
	public long superAdmin(String email, long agencyId) {
		long id = create(email, agencyId, Role.USER, Role.REALTOR, Role.SUPER_ADMIN);
		this.jdbc.sql("update agencies set head_id = :id where id = :agency")
			.param("id", id)
			.param("agency", agencyId)
			.update();
		return id;
	}

	/** A platform owner. */
	public long superuser(String email) {
		return create(email, null, Role.USER, Role.SUPERUSER);
	}

	public long agency(String name) {
		return this.jdbc.sql("insert into agencies (name) values (:name) returning id")
			.param("name", name)
			.query(Long.class)
			.single();
	}

	/** The user's phone in E.164. */
	public String phone(long userId) {
		return this.jdbc.sql("select phone from users where id = :id").param("id", userId).query(String.class).single();
	}

	/**
	 * {@code "Bearer <access token>"} for the user, to send as the Authorization header.
	 */
	public String bearer(long userId) {
		if (this.tokens == null) {
			throw new IllegalStateException("Create IdentityFixtures with the ApplicationContext to mint tokens");
		}
		return "Bearer " + this.tokens.accessToken(userId);
	}

	public CurrentUser currentUser(long userId) {
		return this.jdbc.sql("""
				select u.id, u.name, u.agency_id, u.language,
				       coalesce((select string_agg(r.role, ',') from user_roles r where r.user_id = u.id), '') roles
				from users u where u.id = :id
				""").param("id", userId).query((rs, n) -> {
			java.util.Set<Role> roles = java.util.EnumSet.noneOf(Role.class);
			for (String role : rs.getString("roles").split(",")) {
				if (!role.isBlank()) {
					roles.add(Role.valueOf(role));
				}
			}
			return new CurrentUser(rs.getLong("id"), rs.getString("name"), roles, rs.getObject("agency_id", Long.class),
					kz.zhilyego.common.Language.ofCode(rs.getString("language")));
		}).single();
	}

	private long create(String email, @Nullable Long agencyId, Role... roles) {
		String phone = "+7701" + String.format("%07d", PHONES.incrementAndGet() % 10_000_000);
		long id = this.jdbc.sql("""
				insert into users (phone, email, name, password_hash, agency_id)
				values (:phone, lower(:email), :name, :hash, :agency) returning id
				""")
			.param("phone", phone)
			.param("email", email)
			.param("name", "Test " + email.substring(0, email.indexOf('@') > 0 ? email.indexOf('@') : email.length()))
			.param("hash", PASSWORD_HASH)
			.param("agency", agencyId)
			.query(Long.class)
			.single();
		for (Role role : roles) {
			this.jdbc.sql("insert into user_roles (user_id, role) values (:id, :role)")
				.param("id", id)
				.param("role", role.name())
				.update();
		}
		return id;
	}

}
