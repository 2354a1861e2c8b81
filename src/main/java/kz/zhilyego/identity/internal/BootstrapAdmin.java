package kz.zhilyego.identity.internal;

import java.util.EnumSet;

import kz.zhilyego.common.Language;
import kz.zhilyego.identity.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Creates the first superuser from {@code ZHILYEGO_BOOTSTRAP_ADMIN_EMAIL}, {@code _PHONE}
 * and {@code _PASSWORD} when no superuser exists yet. Never a default password: without
 * all three variables nothing happens.
 */
@Component
@Profile("!dev")
@Order(0)
class BootstrapAdmin implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

	private final Users users;

	private final Accounts accounts;

	private final IdentityProperties.Bootstrap settings;

	BootstrapAdmin(Users users, Accounts accounts, IdentityProperties properties) {
		this.users = users;
		this.accounts = accounts;
		this.settings = properties.bootstrap();
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.users.anyWithRole(Role.SUPERUSER)) {
			return;
		}
		if (!StringUtils.hasText(this.settings.adminEmail()) || !StringUtils.hasText(this.settings.adminPhone())
				|| !StringUtils.hasText(this.settings.adminPassword())) {
			log.warn("No superuser exists. Set ZHILYEGO_BOOTSTRAP_ADMIN_EMAIL, ZHILYEGO_BOOTSTRAP_ADMIN_PHONE and"
					+ " ZHILYEGO_BOOTSTRAP_ADMIN_PASSWORD to create the first one (see docs/security.md).");
			return;
		}
		long id = this.accounts.create("Administrator", this.settings.adminPhone(), this.settings.adminEmail(),
				this.settings.adminPassword(), Language.RU, EnumSet.of(Role.SUPERUSER, Role.USER), null, null);
		log.warn("Created the first superuser (id {}, {}). Change the password after the first sign-in.", id,
				this.settings.adminEmail());
	}

}
