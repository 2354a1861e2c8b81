package kz.zhilyego.chat.web;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.chat.BookingChat;
import kz.zhilyego.chat.ChatMessage;
import kz.zhilyego.chat.ChatParticipant;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /bookings/{id}/chat}: the chat page of guest and realtor (and of readers in
 * scope), phone and desktop; the list refreshes itself with htmx, the form works without
 * JavaScript. {@code /bookings/{id}/chat/link} is the link with the unread count that the
 * guest's booking page and the booking desk load (empty when the chat is off).
 */
@Controller
class ChatPages {

	private final BookingChat chat;

	private final MessageSource messages;

	ChatPages(BookingChat chat, MessageSource messages) {
		this.chat = chat;
		this.messages = messages;
	}

	@GetMapping("/bookings/{id}/chat")
	String page(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		return show(user, id, before, model, null, "");
	}

	@GetMapping("/bookings/{id}/chat/messages")
	String messages(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		fill(model, user, this.chat.read(id, user, null, BookingChat.MAX_PAGE / 2));
		return "chat/page :: messages";
	}

	@PostMapping("/bookings/{id}/chat")
	String post(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String text,
			@RequestPart(required = false) @Nullable MultipartFile photo, Model model, HttpServletResponse response) {
		try {
			this.chat.post(id, user, text, ChatApiController.photoOf(photo), "WEB");
		}
		catch (ProblemException ex) {
			if (ex.status().value() == 404) {
				throw ex;
			}
			response.setStatus(ex.status().value());
			String error = ex.fieldErrors().isEmpty() ? t(ex.messageKey(), ex.args())
					: String.join(" ", ex.fieldErrors().values().stream().map(key -> t(key, ex.args())).toList());
			return show(user, id, null, model, error, text == null ? "" : text);
		}
		return "redirect:/bookings/" + id + "/chat#latest";
	}

	@PostMapping("/bookings/{id}/chat/{messageId}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, @PathVariable long messageId) {
		this.chat.delete(id, messageId, user);
		return "redirect:/bookings/" + id + "/chat";
	}

	@GetMapping("/bookings/{id}/chat/photos/{messageId}")
	ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable long messageId) {
		return ChatApiController.photoResponse(this.chat.photo(id, messageId, user));
	}

	@GetMapping("/bookings/{id}/chat/link")
	String link(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id, Model model) {
		boolean available = this.chat.available(id, user);
		model.addAttribute("available", available);
		model.addAttribute("bookingId", id);
		model.addAttribute("unread", available ? this.chat.unread(id, user) : 0);
		return "chat/page :: link";
	}

	private String show(CurrentUser user, UUID id, @Nullable Long before, Model model, @Nullable String error,
			String draft) {
		BookingChat.Page page = this.chat.read(id, user, before, BookingChat.MAX_PAGE / 2);
		fill(model, user, page);
		model.addAttribute("error", error);
		model.addAttribute("draft", draft);
		model.addAttribute("maxText", BookingChat.MAX_TEXT);
		model.addAttribute("back",
				page.participant() == ChatParticipant.GUEST ? "/account/bookings/" + id : "/realtor/bookings/" + id);
		return "chat/page";
	}

	private static void fill(Model model, CurrentUser user, BookingChat.Page page) {
		List<ChatMessage> oldestFirst = new ArrayList<>(page.messages());
		Collections.reverse(oldestFirst);
		model.addAttribute("chat", page);
		model.addAttribute("items", oldestFirst);
		model.addAttribute("me", user.id());
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
