package kz.zhilyego.notification.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kz.zhilyego.common.Language;
import kz.zhilyego.notification.NotificationKind;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders a message at send time in the recipient's language from the Thymeleaf templates
 * under {@code templates/notification/} and the texts in {@code i18n/notification*}.
 * Stored parameters fill the subject, title and details; secret parameters (codes) only
 * fill the codes section of the bodies.
 */
public class MessageRenderer {

	/**
	 * Detail lines in display order; each has a label {@code notification.param.<name>}.
	 */
	static final List<String> DETAIL_PARAMS = List.of("bookingId", "listingTitle", "address", "checkIn", "checkOut",
			"nights", "total", "guestName", "guestPhone", "comment", "realtorName", "realtorPhone", "reason", "refund",
			"rating", "agencyName", "inviterName", "expiresAt", "source", "conflict", "dueAt", "period", "chatMessage");

	/** Code lines; label {@code notification.secret.<name>}. */
	static final List<String> SECRET_PARAMS = List.of("intercomCode", "flatCode", "safeCode");

	/**
	 * Action links that come from {@link kz.zhilyego.notification.SecretParams} (never
	 * stored); they win over the others.
	 */
	static final List<String> SECRET_ACTION_PARAMS = List.of("resetUrl");

	/** Action links, first present wins; label {@code notification.action.<name>}. */
	static final List<String> ACTION_PARAMS = List.of("retryUrl", "reviewUrl", "reviewsUrl", "listingUrl", "bookingUrl",
			"invitationUrl", "queueUrl", "calendarUrl", "followUpsUrl", "feedbackUrl", "reportUrl");

	/**
	 * One-tap choices shown as a row of buttons in e-mails ({@code rate1Url} ...
	 * {@code rate5Url}: the feedback rating); label {@code notification.choice.<name>}.
	 */
	static final List<String> CHOICE_PARAMS = List.of("rate1Url", "rate2Url", "rate3Url", "rate4Url", "rate5Url");

	/**
	 * Links resolved at send time ({@link kz.zhilyego.notification.SecretParams}, never
	 * stored), shown below the action: the guest's one-tap Telegram link; label
	 * {@code notification.link.<name>}. WhatsApp templates may carry them too.
	 */
	static final List<String> SECRET_LINKS = List.of("telegramUrl");

	private final MessageSource messages;

	private final SpringTemplateEngine engine;

	public MessageRenderer(MessageSource messages) {
		this.messages = messages;
		this.engine = new SpringTemplateEngine();
		this.engine.setTemplateEngineMessageSource(messages);
		this.engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 1));
		this.engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 2));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/notification/");
		resolver.setSuffix(suffix);
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	/**
	 * @param params stored parameters (no secrets)
	 * @param secrets codes resolved for this delivery, possibly empty
	 */
	public RenderedMessage render(NotificationKind kind, Language language, Map<String, String> stored,
			Map<String, String> secrets) {
		Locale locale = language.locale();
		Map<String, String> params = readable(words(stored, locale));
		Object[] args = { value(params, "listingTitle"), value(params, "checkIn"), value(params, "checkOut"),
				value(params, "bookingId"), value(params, "reason"), value(params, "agencyName"),
				value(params, "checked"), value(params, "differences"), value(params, "unchecked"),
				value(params, "period") };
		String prefix = "notification.kind." + kind.name();
		String subject = this.messages.getMessage(prefix + ".subject", args, locale);
		String title = this.messages.getMessage(prefix + ".title", args, locale);
		String intro = this.messages.getMessage(prefix + ".intro", args, locale);

		List<Line> rows = new ArrayList<>();
		for (String name : DETAIL_PARAMS) {
			String value = params.get(name);
			if (value != null && !value.isBlank()) {
				rows.add(new Line(label("notification.param." + name, locale), withCurrency(name, value, params)));
			}
		}
		List<Line> codes = new ArrayList<>();
		Set<String> secretValues = new LinkedHashSet<>();
		for (String name : SECRET_PARAMS) {
			String value = secrets.get(name);
			if (value != null && !value.isBlank()) {
				codes.add(new Line(label("notification.secret." + name, locale), value));
				secretValues.add(value);
			}
		}
		List<Line> choices = new ArrayList<>();
		for (String name : CHOICE_PARAMS) {
			String url = params.get(name);
			if (url != null && !url.isBlank()) {
				choices.add(new Line(label("notification.choice." + name, locale), url));
			}
		}
		List<Line> links = new ArrayList<>();
		for (String name : SECRET_LINKS) {
			String url = secrets.get(name);
			if (url != null && url.startsWith("https://")) {
				links.add(new Line(label("notification.link." + name, locale), url));
			}
		}
		Line action = null;
		// a link that is a secret itself (a password reset): in the bodies only, masked
		// wherever a rendered message is stored
		for (String name : SECRET_ACTION_PARAMS) {
			String url = secrets.get(name);
			if (url != null && !url.isBlank()) {
				action = new Line(label("notification.action." + name, locale), url);
				secretValues.add(url);
				break;
			}
		}
		for (String name : action != null ? List.<String>of() : ACTION_PARAMS) {
			String url = params.get(name);
			if (url != null && !url.isBlank()) {
				action = new Line(label("notification.action." + name, locale), url);
				break;
			}
		}

		Context context = new Context(locale);
		context.setVariable("lang", language.code());
		context.setVariable("subject", subject);
		context.setVariable("title", title);
		context.setVariable("intro", intro);
		context.setVariable("rows", rows);
		context.setVariable("codes", codes);
		context.setVariable("action", action);
		context.setVariable("choices", choices);
		context.setVariable("links", links);
		String html = this.engine.process("email", context);
		String text = this.engine.process("message", context).strip() + "\n";
		String telegram = this.engine.process("telegram", context).strip();
		Map<String, String> whatsAppValues = new java.util.HashMap<>(params);
		for (String name : SECRET_LINKS) {
			String url = secrets.get(name);
			if (url != null) {
				whatsAppValues.put(name, url);
			}
		}
		List<String> whatsApp = WhatsAppTemplates.parameters(kind, whatsAppValues);
		return new RenderedMessage(subject, text, html, telegram, action == null ? null : action.value(), whatsApp,
				secretValues, inAppText(kind, params, locale, intro));
	}

	/**
	 * The short in-app text {@code notification.kind.<KIND>.app}: {0} listing, {1}
	 * check-in, {2} check-out, {3} booking number, {4} reason, {5} agency, {6} refund and
	 * {7} total with the currency. A kind without one shows its intro.
	 */
	private String inAppText(NotificationKind kind, Map<String, String> params, Locale locale, String intro) {
		Object[] args = { value(params, "listingTitle"), value(params, "checkIn"), value(params, "checkOut"),
				value(params, "bookingId"), value(params, "reason"), value(params, "agencyName"),
				params.containsKey("refund") ? withCurrency("refund", params.get("refund"), params) : "",
				params.containsKey("total") ? withCurrency("total", params.get("total"), params) : "" };
		return this.messages.getMessage("notification.kind." + kind.name() + ".app", args, intro, locale);
	}

	/**
	 * People read the short booking number ({@code bookingNumber}), not the id: where a
	 * message has one it stands for {@code bookingId} in every text.
	 */
	private static Map<String, String> readable(Map<String, String> params) {
		String number = params.get("bookingNumber");
		if (number == null || number.isBlank()) {
			return params;
		}
		Map<String, String> readable = new java.util.LinkedHashMap<>(params);
		readable.put("bookingId", number);
		return readable;
	}

	/**
	 * The stored parameters as a person reads them: a cancellation reason is stored as
	 * its code ({@code CHANGE_OF_PLANS}) and shown in the recipient's words.
	 */
	private Map<String, String> words(Map<String, String> params, Locale locale) {
		String reason = params.get("reason");
		if (reason == null || reason.isBlank()) {
			return params;
		}
		Map<String, String> shown = new java.util.LinkedHashMap<>(params);
		shown.put("reason", this.messages.getMessage("booking.reason." + reason, null, reason, locale));
		return shown;
	}

	private String label(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	static String withCurrency(String name, String value, Map<String, String> params) {
		String currency = params.get("currency");
		if ((name.equals("total") || name.equals("refund")) && currency != null && !currency.isBlank()) {
			return value + " " + currency;
		}
		return value;
	}

	private static String value(Map<String, String> params, String name) {
		String value = params.get(name);
		return value == null ? "" : value;
	}

	/** A label and a value, or an action's label and URL. */
	public record Line(String label, String value) {

	}

}
