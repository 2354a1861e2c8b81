package kz.zhilyego.web;

import java.util.LinkedHashMap;
import java.util.Map;

import kz.zhilyego.IntegrationTest;
import kz.zhilyego.TestDatabase;
import kz.zhilyego.identity.IdentityFixtures;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The notification settings page: every kind in a row with its words (never its code),
 * every switch a checkbox, saving changes what the API reads.
 */
@IntegrationTest
class AccountSettingsIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NotificationSettings settings;

	long user;

	@BeforeEach
	void setUp() {
		TestDatabase.reset(this.jdbc);
		this.user = new IdentityFixtures(this.jdbc).user("settings@example.com");
	}

	@Test
	void theSettingsPageShowsEveryKindWithItsLabelInEveryLanguage() {
		SiteSession site = new SiteSession(this.port).signIn("settings@example.com", IdentityFixtures.PASSWORD);
		// every kind but the password reset, which is always sent and so is no switch
		java.util.Set<NotificationKind> switchable = this.settings.matrix(this.user).keySet();
		assertThat(switchable).hasSize(NotificationKind.values().length - 1)
			.doesNotContain(NotificationKind.PASSWORD_RESET);
		for (String lang : new String[] { "ru", "kk", "en" }) {
			SiteSession.Page page = site.get("/account/settings/notifications?lang=" + lang);
			assertThat(page.status()).as(lang).isEqualTo(200);
			Document html = page.html();
			assertThat(html.select("main tbody tr")).as(lang).hasSize(switchable.size());
			assertThat(html.select("input[name^=PASSWORD_RESET]")).as(lang).isEmpty();
			for (NotificationKind kind : switchable) {
				String label = html.select("#k-" + kind.name()).text();
				assertThat(label).as(lang + " " + kind).isNotBlank().doesNotContain("??").doesNotContain(kind.name());
				for (Channel channel : Channel.values()) {
					assertThat(html.select("input[type=checkbox][name=" + kind.name() + "." + channel.name() + "]"))
						.as(lang + " " + kind + " " + channel)
						.hasSize(1);
				}
			}
			assertThat(html.select("main").text()).as(lang).doesNotContain("REVIEW_", "BOOKING_", "AGENCY_");
		}
	}

	@Test
	void savingTheFormTurnsOffTheUncheckedSwitchesAndThePageShowsThem() {
		SiteSession site = new SiteSession(this.port).signIn("settings@example.com", IdentityFixtures.PASSWORD);
		SiteSession.Page page = site.get("/account/settings/notifications");
		Map<String, String> form = new LinkedHashMap<>();
		for (NotificationKind kind : NotificationKind.values()) {
			for (Channel channel : Channel.values()) {
				if (!(kind == NotificationKind.REVIEW_REPLY_GUEST && channel == Channel.EMAIL)) {
					form.put(kind.name() + "." + channel.name(), "on");
				}
			}
		}
		SiteSession.Page saved = site.post(page, "/account/settings/notifications", form);
		assertThat(saved.status()).isEqualTo(302);
		assertThat(this.settings.matrix(this.user).get(NotificationKind.REVIEW_REPLY_GUEST).get(Channel.EMAIL))
			.isFalse();
		assertThat(this.settings.matrix(this.user).get(NotificationKind.REVIEW_REPLY_GUEST).get(Channel.IN_APP))
			.isTrue();
		Document after = site.get("/account/settings/notifications?saved").html();
		assertThat(after.select("input[name=REVIEW_REPLY_GUEST.EMAIL]").hasAttr("checked")).isFalse();
		assertThat(after.select("input[name=REVIEW_REPLY_GUEST.IN_APP]").hasAttr("checked")).isTrue();
	}

}
