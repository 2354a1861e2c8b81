package kz.zhilyego.identity.web;

import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.internal.Accounts;
import kz.zhilyego.identity.internal.PasswordResetProperties;
import kz.zhilyego.identity.internal.PasswordResets;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * "Forgot your password?": ask for a link by e-mail or phone ({@code /password/forgot},
 * the same answer whether or not the account exists), then choose a new password on the
 * link's page ({@code /password/reset?token=…}), which is answered with
 * {@code Referrer-Policy: no-referrer} so the token never leaves in a Referer header.
 */
@Controller
class PasswordResetPages {

	private final PasswordResets resets;

	private final MessageSource messages;

	private final long ttlMinutes;

	PasswordResetPages(PasswordResets resets, MessageSource messages, PasswordResetProperties properties) {
		this.resets = resets;
		this.messages = messages;
		this.ttlMinutes = properties.ttl().toMinutes();
	}

	@GetMapping("/password/forgot")
	String forgotForm(Model model) {
		model.addAttribute("mode", "forgot");
		model.addAttribute("ttlMinutes", this.ttlMinutes);
		return "identity/password-reset";
	}

	@PostMapping("/password/forgot")
	String forgot(@RequestParam(required = false) @Nullable String login, HttpServletRequest request,
			HttpServletResponse response, Model model, Locale locale) {
		if (login == null || login.isBlank()) {
			model.addAttribute("mode", "forgot");
			model.addAttribute("fieldErrors", Map.of("login", this.messages.getMessage("NotBlank", null, locale)));
			return "identity/password-reset";
		}
		try {
			this.resets.request(login.strip(), request.getRemoteAddr());
		}
		catch (ProblemException ex) {
			response.setStatus(ex.status().value());
			model.addAttribute("mode", "forgot");
			model.addAttribute("login", login);
			model.addAttribute("error", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
			return "identity/password-reset";
		}
		return "redirect:/password/forgot?sent";
	}

	@GetMapping("/password/reset")
	String resetForm(@RequestParam(required = false) @Nullable String token, Model model,
			HttpServletResponse response) {
		response.setHeader("Referrer-Policy", "no-referrer");
		model.addAttribute("mode", this.resets.valid(token) ? "reset" : "invalid");
		model.addAttribute("token", token);
		model.addAttribute("minPassword", Accounts.MIN_PASSWORD);
		model.addAttribute("maxPassword", Accounts.MAX_PASSWORD);
		return "identity/password-reset";
	}

	@PostMapping("/password/reset")
	String reset(@RequestParam(required = false) @Nullable String token, @RequestParam String password, Model model,
			HttpServletResponse response, Locale locale) {
		response.setHeader("Referrer-Policy", "no-referrer");
		try {
			this.resets.reset(token, password);
		}
		catch (ProblemException ex) {
			if (ex.fieldErrors().containsKey("token")) {
				response.setStatus(HttpStatus.BAD_REQUEST.value());
				model.addAttribute("mode", "invalid");
				return "identity/password-reset";
			}
			model.addAttribute("mode", "reset");
			model.addAttribute("token", token);
			model.addAttribute("minPassword", Accounts.MIN_PASSWORD);
			model.addAttribute("maxPassword", Accounts.MAX_PASSWORD);
			model.addAttribute("fieldErrors", Map.of("password", this.messages
				.getMessage(ex.fieldErrors().getOrDefault("password", ex.messageKey()), ex.args(), locale)));
			return "identity/password-reset";
		}
		return "redirect:/login?reset";
	}

}
