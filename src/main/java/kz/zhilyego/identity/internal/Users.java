package kz.zhilyego.identity.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import kz.zhilyego.common.Phones;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.PageResult;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their roles, in SQL. */
@Repository
public class Users {

	private static final String SELECT = """
			select u.*, coalesce((select string_agg(r.role, ',') from user_roles r where r.user_id = u.id), '')
			       as role_list
			from users u
			""";

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	Users(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Optional<UserRecord> find(long id) {
		return this.jdbc.sql(SELECT + " where u.id = :id").param("id", id).query(Users::map).optional();
	}

	/** By e-mail (any case) or phone (any common spelling). */
	public Optional<UserRecord> findByLogin(String login) {
		String trimmed = login.trim();
		if (trimmed.contains("@")) {
			return this.jdbc.sql(SELECT + " where u.email = :email")
				.param("email", trimmed.toLowerCase(Locale.ROOT))
				.query(Users::map)
				.optional();
		}
		return Phones.normalize(trimmed)
			.flatMap(phone -> this.jdbc.sql(SELECT + " where u.phone = :phone")
				.param("phone", phone)
				.query(Users::map)
				.optional());
	}

	public Optional<UserRecord> findByTelegramUserId(long telegramUserId) {
		return this.jdbc.sql(SELECT + " where u.telegram_user_id = :tg")
			.param("tg", telegramUserId)
			.query(Users::map)
			.optional();
	}

	public boolean phoneTaken(String phone) {
		return this.jdbc.sql("select count(*) from users where phone = :phone")
			.param("phone", phone)
			.query(Long.class)
			.single() > 0;
	}

	public boolean emailTaken(String email, long exceptUserId) {
		return this.jdbc.sql("select count(*) from users where email = :email and id <> :id")
			.param("email", email.toLowerCase(Locale.ROOT))
			.param("id", exceptUserId)
			.query(Long.class)
			.single() > 0;
	}

	public long insert(String phone, @Nullable String email, String name, String passwordHash, Language language,
			Set<Role> roles, @Nullable Long agencyId) {
		long id = this.jdbc.sql("""
				insert into users (phone, email, name, password_hash, language, agency_id, created_at, updated_at)
				values (:phone, :email, :name, :hash, :language, :agency, :now, :now)
				returning id
				""")
			.param("phone", phone)
			.param("email", email == null ? null : email.toLowerCase(Locale.ROOT))
			.param("name", name)
			.param("hash", passwordHash)
			.param("language", language.code())
			.param("agency", agencyId)
			.param("now", now())
			.query(Long.class)
			.single();
		for (Role role : roles) {
			addRole(id, role);
		}
		return id;
	}

	public void addRole(long userId, Role role) {
		this.jdbc.sql("insert into user_roles (user_id, role) values (:id, :role) on conflict do nothing")
			.param("id", userId)
			.param("role", role.name())
			.update();
	}

	public void setRoles(long userId, Set<Role> roles) {
		this.jdbc.sql("delete from user_roles where user_id = :id").param("id", userId).update();
		for (Role role : roles) {
			addRole(userId, role);
		}
	}

	public void updateProfile(long userId, String name, @Nullable String email, Language language) {
		this.jdbc.sql("""
				update users set name = :name, email = :email, language = :language, updated_at = :now
				where id = :id
				""")
			.param("id", userId)
			.param("name", name)
			.param("email", email == null ? null : email.toLowerCase(Locale.ROOT))
			.param("language", language.code())
			.param("now", now())
			.update();
	}

	public void setPasswordHash(long userId, String hash) {
		this.jdbc.sql("update users set password_hash = :hash, updated_at = :now where id = :id")
			.param("id", userId)
			.param("hash", hash)
			.param("now", now())
			.update();
	}

	public void setActive(long userId, boolean active) {
		this.jdbc.sql("update users set status = :status, updated_at = :now where id = :id")
			.param("id", userId)
			.param("status", active ? "ACTIVE" : "BLOCKED")
			.param("now", now())
			.update();
	}

	public void setAgency(long userId, @Nullable Long agencyId) {
		this.jdbc.sql("update users set agency_id = :agency, updated_at = :now where id = :id")
			.param("id", userId)
			.param("agency", agencyId)
			.param("now", now())
			.update();
	}

	public void setTotpEnabled(long userId, boolean enabled) {
		this.jdbc.sql("update users set totp_enabled = :enabled, updated_at = :now where id = :id")
			.param("id", userId)
			.param("enabled", enabled)
			.param("now", now())
			.update();
	}

	public void linkTelegram(long userId, long telegramUserId, long chatId) {
		this.jdbc
			.sql("update users set telegram_user_id = null, telegram_enabled = false"
					+ " where telegram_user_id = :tg and id <> :id")
			.param("tg", telegramUserId)
			.param("id", userId)
			.update();
		this.jdbc.sql("""
				update users set telegram_user_id = :tg, telegram_chat_id = :chat, telegram_enabled = true,
				    updated_at = :now
				where id = :id
				""").param("id", userId).param("tg", telegramUserId).param("chat", chatId).param("now", now()).update();
	}

	public void unlinkTelegram(long userId) {
		this.jdbc.sql("""
				update users set telegram_user_id = null, telegram_chat_id = null, telegram_enabled = false,
				    updated_at = :now
				where id = :id
				""").param("id", userId).param("now", now()).update();
	}

	public void disableTelegram(long userId) {
		this.jdbc.sql("update users set telegram_enabled = false, updated_at = :now where id = :id")
			.param("id", userId)
			.param("now", now())
			.update();
	}

	public boolean anyWithRole(Role role) {
		return this.jdbc.sql("select count(*) from user_roles where role = :role")
			.param("role", role.name())
			.query(Long.class)
			.single() > 0;
	}

	/** Active realtors of an agency. */
	public List<Long> activeRealtorIds(long agencyId) {
		return this.jdbc.sql("""
				select u.id from users u join user_roles r on r.user_id = u.id and r.role = 'REALTOR'
				where u.agency_id = :agency and u.status = 'ACTIVE'
				""").param("agency", agencyId).query(Long.class).list();
	}

	/** Realtors of an agency, active or not. */
	public List<UserRecord> realtors(long agencyId) {
		return this.jdbc.sql(SELECT + """
				 where u.agency_id = :agency and exists (select 1 from user_roles r where r.user_id = u.id
				     and r.role = 'REALTOR')
				order by u.name, u.id
				""").param("agency", agencyId).query(Users::map).list();
	}

	/** Search by name, e-mail or phone fragment, optionally by role. */
	public PageResult<UserRecord> search(@Nullable String query, @Nullable Role role, int page, int size) {
		String like = query == null || query.isBlank() ? null : "%" + query.trim().toLowerCase(Locale.ROOT) + "%";
		String where = """
				 where (cast(:like as text) is null or lower(u.name) like :like or u.email like :like
				        or u.phone like :like)
				   and (cast(:role as text) is null or exists (select 1 from user_roles r where r.user_id = u.id
				        and r.role = :role))
				""";
		long total = this.jdbc.sql("select count(*) from users u" + where)
			.param("like", like)
			.param("role", role == null ? null : role.name())
			.query(Long.class)
			.single();
		List<UserRecord> items = this.jdbc.sql(SELECT + where + " order by u.id limit :size offset :offset")
			.param("like", like)
			.param("role", role == null ? null : role.name())
			.param("size", size)
			.param("offset", (long) page * size)
			.query(Users::map)
			.list();
		return new PageResult<>(total, page, size, items);
	}

	private OffsetDateTime now() {
		return OffsetDateTime.ofInstant(this.clock.instant(), ZoneOffset.UTC);
	}

	static UserRecord map(ResultSet rs, int row) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : rs.getString("role_list").split(",")) {
			if (!role.isBlank()) {
				roles.add(Role.valueOf(role));
			}
		}
		return new UserRecord(rs.getLong("id"), rs.getString("phone"), rs.getString("email"), rs.getString("name"),
				rs.getString("password_hash"), Language.ofCode(rs.getString("language")),
				"ACTIVE".equals(rs.getString("status")), rs.getObject("agency_id", Long.class),
				rs.getObject("telegram_user_id", Long.class), rs.getObject("telegram_chat_id", Long.class),
				rs.getBoolean("telegram_enabled"), rs.getBoolean("totp_enabled"), roles);
	}

}
