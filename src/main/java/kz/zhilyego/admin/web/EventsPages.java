package kz.zhilyego.admin.web;

import kz.zhilyego.common.PageResult;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.events.PlatformEvents;
import kz.zhilyego.events.RecordedEvent;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /admin/events}: the platform record with the API's filters; a bad filter shows
 * the page with the error above an empty list.
 */
@Controller
class EventsPages {

	static final int PAGE_SIZE = 50;

	private final PlatformEvents events;

	private final PanelTexts texts;

	EventsPages(PlatformEvents events, PanelTexts texts) {
		this.events = events;
		this.texts = texts;
	}

	record Form(String type, String subject, String from, String to) {
	}

	@GetMapping("/admin/events")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable String type,
			@RequestParam(required = false) @Nullable String subject,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String page, Model model) {
		if (!user.has(kz.zhilyego.identity.Role.SUPERUSER)) {
			throw ProblemException.forbidden("problem.forbidden");
		}
		model.addAttribute("form", new Form(text(type), text(subject), text(from), text(to)));
		PageResult<RecordedEvent> result;
		try {
			result = this.events.search(
					new PlatformEvents.Filter(type, subject, PlatformEvents.instant("from", from, false),
							PlatformEvents.instant("to", to, true)),
					Math.max(PlatformEvents.number("page", page, 0), 0), PAGE_SIZE);
		}
		catch (ProblemException ex) {
			model.addAttribute("flashError", this.texts.of(ex));
			result = new PageResult<>(0, 0, PAGE_SIZE, java.util.List.of());
		}
		model.addAttribute("result", result);
		return "admin/events";
	}

	private static String text(@Nullable String value) {
		return value == null ? "" : value.strip();
	}

}
