package kz.zhilyego.identity;

import java.util.EnumSet;
import java.util.List;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.internal.Accounts;
import kz.zhilyego.identity.internal.UserRecord;
import kz.zhilyego.identity.internal.Users;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dev profile only: the demo accounts for every role (password {@code demo12345}) and the
 * demo agency. Idempotent; prints the accounts to the log.
 */
@Service
@Profile("dev")
public class DemoAccounts {

	public static final String PASSWORD = "demo12345";

	private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

	private final Users users;

	private final Accounts accounts;

	private final JdbcClient jdbc;

	DemoAccounts(Users users, Accounts accounts, JdbcClient jdbc) {
		this.users = users;
		this.accounts = accounts;
		this.jdbc = jdbc;
	}

	/**
	 * The ids of the demo accounts and agency; {@code team}: the further realtors of the
	 * demo agency (the team page has several realtors to compare).
	 */
	public record Ids(long user, long realtor, long agencyHead, long superuser, long agency, List<Long> team) {

		public Ids {
			team = List.copyOf(team);
		}

	}

	@Transactional
	public Ids ensure() {
		long agency = this.jdbc.sql("""
				insert into agencies (name) values ('ЖильеGO Демо-агентство')
				on conflict (name) do update set name = excluded.name returning id
				""").query(Long.class).single();
		long user = account("user@demo.zhilyego.kz", "+77010000001", "Айгерим Демо", EnumSet.of(Role.USER), null);
		long head = account("agency@demo.zhilyego.kz", "+77010000003", "Ерлан Агентство",
				EnumSet.of(Role.USER, Role.REALTOR, Role.SUPER_ADMIN), agency);
		this.jdbc.sql("update agencies set head_id = :head where id = :id")
			.param("head", head)
			.param("id", agency)
			.update();
		long realtor = account("realtor@demo.zhilyego.kz", "+77010000002", "Динара Риелтор",
				EnumSet.of(Role.USER, Role.REALTOR), agency);
		long superuser = account("admin@demo.zhilyego.kz", "+77010000004", "Администратор ЖильеGO",
				EnumSet.of(Role.USER, Role.SUPERUSER), null);
		long second = account("realtor2@demo.zhilyego.kz", "+77010000005", "Асель Риелтор",
				EnumSet.of(Role.USER, Role.REALTOR), agency);
		long third = account("realtor3@demo.zhilyego.kz", "+77010000006", "Тимур Риелтор",
				EnumSet.of(Role.USER, Role.REALTOR), agency);
		log.info("""

				Demo accounts (dev profile only), password {}:
				  user@demo.zhilyego.kz     USER
				  realtor@demo.zhilyego.kz  REALTOR (owns the demo listings, demo agency)
				  realtor2@demo.zhilyego.kz, realtor3@demo.zhilyego.kz  REALTOR (demo agency team)
				  agency@demo.zhilyego.kz   SUPER_ADMIN (heads the demo agency)
				  admin@demo.zhilyego.kz    SUPERUSER""", PASSWORD);
		return new Ids(user, realtor, head, superuser, agency, List.of(second, third));
	}

	/**
	 * A demo guest (role USER, password {@link #PASSWORD}): the account of the e-mail,
	 * created when there is none.
	 */
	@Transactional
	public long guest(String email, String phone, String name) {
		return account(email, phone, name, EnumSet.of(Role.USER), null);
	}

	private long account(String email, String phone, String name, EnumSet<Role> roles, @Nullable Long agencyId) {
		return this.users.findByLogin(email)
			.map(UserRecord::id)
			.orElseGet(() -> this.accounts.create(name, phone, email, PASSWORD, Language.RU, roles, agencyId, null));
	}

}
