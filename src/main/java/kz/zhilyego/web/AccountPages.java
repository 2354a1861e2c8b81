package kz.zhilyego.web;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.catalog.ListingCard;
import kz.zhilyego.catalog.ListingCatalog;
import kz.zhilyego.catalog.ListingSummary;
import kz.zhilyego.common.Emails;
import kz.zhilyego.common.Language;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.favorite.Favorite;
import kz.zhilyego.favorite.Favorites;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.UserDirectory;
import kz.zhilyego.identity.UserProfile;
import kz.zhilyego.notification.Channel;
import kz.zhilyego.notification.InAppNotifications;
import kz.zhilyego.notification.NotificationKind;
import kz.zhilyego.notification.NotificationSettings;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The guest cabinet besides bookings: favorites (with the heart toggle used on every
 * card), in-app notifications, profile and language, notification settings.
 */
@Controller
class AccountPages {

	private final Favorites favorites;

	private final ListingCatalog catalog;

	private final InAppNotifications inbox;

	private final NotificationSettings settings;

	private final UserDirectory users;

	private final LocaleResolver localeResolver;

	private final Texts texts;

	private final WebProperties properties;

	AccountPages(Favorites favorites, ListingCatalog catalog, InAppNotifications inbox, NotificationSettings settings,
			UserDirectory users, LocaleResolver localeResolver, Texts texts, WebProperties properties) {
		this.favorites = favorites;
		this.catalog = catalog;
		this.inbox = inbox;
		this.settings = settings;
		this.users = users;
		this.localeResolver = localeResolver;
		this.texts = texts;
		this.properties = properties;
	}

	@GetMapping("/account/favorites")
	String favorites(@AuthenticationPrincipal CurrentUser user, Model model, Locale locale) {
		Language language = Language.of(locale);
		List<ListingSummary> available = new ArrayList<>();
		int unavailable = 0;
		for (Favorite favorite : this.favorites.list(user.id())
			.stream()
			.limit(this.properties.favoritesShown())
			.toList()) {
			Optional<ListingCard> card = this.catalog.find(favorite.listingId(), language, true);
			if (card.isPresent()) {
				available.add(summary(card.get()));
			}
			else {
				unavailable++;
			}
		}
		model.addAttribute("items", available);
		model.addAttribute("unavailable", unavailable);
		model.addAttribute("favoriteIds", available.stream().map(ListingSummary::id).toList());
		model.addAttribute("section", "favorites");
		return "site/account-favorites";
	}

	/**
	 * The heart: {@code favorite=true} saves, {@code false} removes. htmx swaps the
	 * returned button in place; without JavaScript the browser goes back.
	 */
	@PostMapping("/account/favorites/{listingId}")
	String toggleFavorite(@PathVariable long listingId, @RequestParam boolean favorite,
			@RequestParam(required = false) @Nullable String back, @AuthenticationPrincipal CurrentUser user,
			HttpServletRequest request, Model model) {
		if (favorite) {
			this.favorites.add(user.id(), listingId);
		}
		else {
			this.favorites.remove(user.id(), listingId);
		}
		if (request.getHeader("HX-Request") != null) {
			model.addAttribute("listingId", listingId);
			model.addAttribute("isFavorite", favorite);
			model.addAttribute("back", back);
			return "site/heart";
		}
		return "redirect:" + safeBack(back, refererPath(request));
	}

	@GetMapping("/account/notifications")
	String notifications(@AuthenticationPrincipal CurrentUser user, Model model) {
		var page = this.inbox.list(user.id(), this.properties.notificationsShown());
		model.addAttribute("inbox", page);
		model.addAttribute("unreadCount", page.unreadCount());
		model.addAttribute("section", "notifications");
		return "site/account-notifications";
	}

	@PostMapping("/account/notifications/{id}/read")
	String read(@PathVariable long id, @AuthenticationPrincipal CurrentUser user) {
		this.inbox.markRead(user.id(), id);
		return "redirect:/account/notifications";
	}

	@PostMapping("/account/notifications/read-all")
	String readAll(@AuthenticationPrincipal CurrentUser user) {
		this.inbox.markAllRead(user.id());
		return "redirect:/account/notifications";
	}

	@GetMapping("/account/profile")
	String profile(@AuthenticationPrincipal CurrentUser user, Model model) {
		UserProfile profile = this.users.find(user.id()).orElseThrow();
		model.addAttribute("profile", profile);
		model.addAttribute("name", profile.name());
		model.addAttribute("email", profile.email());
		model.addAttribute("language", profile.language().code());
		model.addAttribute("errors", Map.of());
		model.addAttribute("section", "profile");
		limits(model);
		return "site/account-profile";
	}

	@PostMapping("/account/profile")
	String saveProfile(@RequestParam String name, @RequestParam(required = false) @Nullable String email,
			@RequestParam String language, @AuthenticationPrincipal CurrentUser user, Model model,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> errors = new java.util.LinkedHashMap<>();
		if (!LayoutModel.LANGUAGES.contains(language)) {
			errors.put("language", this.texts.get("web.form.invalidValue"));
		}
		if (errors.isEmpty()) {
			try {
				this.users.updateProfile(user.id(), name, email, Language.ofCode(language));
				this.localeResolver.setLocale(request, response, Locale.of(language));
				return "redirect:/account/profile?saved";
			}
			catch (ProblemException ex) {
				// every wrong field at once; the text stays as typed, never cut
				errors.putAll(this.texts.fieldErrors(ex, "name"));
			}
		}
		model.addAttribute("profile", this.users.find(user.id()).orElseThrow());
		model.addAttribute("name", name);
		model.addAttribute("email", email);
		model.addAttribute("language", language);
		model.addAttribute("errors", errors);
		model.addAttribute("section", "profile");
		limits(model);
		return "site/account-profile";
	}

	private static void limits(Model model) {
		model.addAttribute("maxName", UserDirectory.MAX_NAME);
		model.addAttribute("maxEmail", Emails.MAX_LENGTH);
	}

	@GetMapping("/account/settings/notifications")
	String settings(@AuthenticationPrincipal CurrentUser user, Model model) {
		model.addAttribute("matrix", this.settings.matrix(user.id()));
		model.addAttribute("channels", Channel.values());
		model.addAttribute("section", "settings");
		return "site/account-settings";
	}

	@PostMapping("/account/settings/notifications")
	String saveSettings(@RequestParam MultiValueMap<String, String> form, @AuthenticationPrincipal CurrentUser user) {
		Map<NotificationKind, Map<Channel, Boolean>> changes = new EnumMap<>(NotificationKind.class);
		for (NotificationKind kind : NotificationKind.values()) {
			Map<Channel, Boolean> row = new EnumMap<>(Channel.class);
			for (Channel channel : Channel.values()) {
				row.put(channel, form.containsKey(kind.name() + "." + channel.name()));
			}
			changes.put(kind, row);
		}
		this.settings.update(user.id(), changes);
		return "redirect:/account/settings/notifications?saved";
	}

	static ListingSummary summary(ListingCard c) {
		return new ListingSummary(c.id(), c.title(), c.city().code(), c.district().code(), c.district().name(),
				c.type().code(), c.type().name(), c.housingClass().code(), c.housingClass().name(), c.rooms(),
				c.pricePerNight(), null, null, c.currency(), c.rating(), c.reviewCount(),
				c.photos().isEmpty() ? null : c.photos().get(0).url(), c.address(), c.path());
	}

	private static String refererPath(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				java.net.URI uri = java.net.URI.create(referer);
				if (uri.getRawPath() != null && request.getServerName().equalsIgnoreCase(uri.getHost())) {
					return safeBack(uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()),
							"/account/favorites");
				}
			}
			catch (IllegalArgumentException ex) {
				return "/account/favorites";
			}
		}
		return "/account/favorites";
	}

	/** Only local paths: never an open redirect. */
	static String safeBack(@Nullable String back, String fallback) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\") || back.contains("\r")
				|| back.contains("\n")) {
			return fallback;
		}
		return back;
	}

}
