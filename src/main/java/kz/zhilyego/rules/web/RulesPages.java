package kz.zhilyego.rules.web;

import java.util.Locale;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.rules.RuleAdmin;
import kz.zhilyego.rules.internal.RuleStore;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/rules}: the rules with a JSON editor (errors listed next to the text, the
 * text kept as typed), delete, replay of the last 200 events, and the latest executions.
 */
@Controller
class RulesPages {

	private final RuleAdmin rules;

	private final RuleStore store;

	private final MessageSource messages;

	RulesPages(RuleAdmin rules, RuleStore store, MessageSource messages) {
		this.rules = rules;
		this.store = store;
		this.messages = messages;
	}

	@GetMapping("/admin/rules")
	String page(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long edit,
			Model model) {
		String json = "";
		if (edit != null) {
			try {
				json = this.rules.get(user, edit).definition().toPrettyString();
			}
			catch (ProblemException ex) {
				edit = null;
			}
		}
		return show(user, edit, json, Map.of(), model);
	}

	private String show(CurrentUser user, @Nullable Long edit, String json, Map<String, String> errors, Model model) {
		model.addAttribute("rules", this.rules.list(user));
		model.addAttribute("executions", this.store.latestExecutions(50));
		model.addAttribute("edit", edit);
		model.addAttribute("json", json);
		model.addAttribute("errors", errors);
		return "admin/rules";
	}

	@PostMapping("/admin/rules")
	String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) @Nullable Long id,
			@RequestParam(defaultValue = "") String json, Model model, RedirectAttributes flash, Locale locale) {
		try {
			if (id == null) {
				this.rules.create(user, json);
			}
			else {
				this.rules.replace(user, id, json);
			}
		}
		catch (ProblemException ex) {
			Map<String, String> errors = new java.util.LinkedHashMap<>();
			Map<String, String> keys = ex.fieldErrors().isEmpty() ? Map.of("rule", ex.messageKey()) : ex.fieldErrors();
			keys.forEach((field, key) -> errors.put(field, this.messages.getMessage(key, ex.args(), key, locale)));
			model.addAttribute("flashError",
					this.messages.getMessage("problem.validation", null, "problem.validation", locale));
			return show(user, id, json, errors, model);
		}
		flash.addFlashAttribute("flash", this.messages.getMessage("rules.admin.saved", null, locale));
		return "redirect:/admin/rules";
	}

	@PostMapping("/admin/rules/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @RequestParam long id, RedirectAttributes flash,
			Locale locale) {
		try {
			this.rules.delete(user, id);
			flash.addFlashAttribute("flash", this.messages.getMessage("rules.admin.deleted", null, locale));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", this.messages.getMessage(ex.messageKey(), ex.args(), locale));
		}
		return "redirect:/admin/rules";
	}

	@PostMapping("/admin/rules/replay")
	String replay(@AuthenticationPrincipal CurrentUser user, RedirectAttributes flash, Locale locale) {
		var replay = this.rules.replay(user, 200);
		flash.addFlashAttribute("flash", this.messages.getMessage("rules.admin.replayed",
				new Object[] { replay.events(), replay.actionsRun() }, locale));
		return "redirect:/admin/rules";
	}

}
