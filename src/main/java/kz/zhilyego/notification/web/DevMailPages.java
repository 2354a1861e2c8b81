package kz.zhilyego.notification.web;

import kz.zhilyego.notification.internal.CapturedMessages;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Development mail catcher: what the unconfigured channels would have sent, newest first.
 * Exists only with the {@code dev} profile.
 */
@Controller
@Profile("dev")
class DevMailPages {

	private final CapturedMessages captured;

	DevMailPages(CapturedMessages captured) {
		this.captured = captured;
	}

	@GetMapping("/dev/mail")
	String mail(Model model) {
		model.addAttribute("messages", this.captured.latest(100));
		return "notification/dev-mail";
	}

}
