package kz.zhilyego.flags.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.flags.FeatureFlag;
import kz.zhilyego.flags.FeatureFlagAdmin;
import kz.zhilyego.flags.FlagValues;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.identity.Role;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/feature-flags}: the flags with their targeting, a form to change each,
 * one to add a flag, and delete. Wrong values come back next to the fields; nothing is
 * saved.
 */
@Controller
class FeatureFlagPages {

	private final FeatureFlagAdmin admin;

	private final MessageSource messages;

	FeatureFlagPages(FeatureFlagAdmin admin, MessageSource messages) {
		this.admin = admin;
		this.messages = messages;
	}

	/** A flag as the form shows it (ids as comma-separated text). */
	record Form(String key, String description, boolean enabled, List<String> roles, String percentage, String userIds,
			String agencyIds) {

		static Form of(FeatureFlag f) {
			return new Form(f.key(), f.description(), f.enabled(), f.roles().stream().map(Role::name).toList(),
					String.valueOf(f.percentage()), join(f.userIds()), join(f.agencyIds()));
		}

		static Form empty() {
			return new Form("", "", false, List.of(), "0", "", "");
		}

		private static String join(List<Long> ids) {
			return String.join(", ", ids.stream().map(String::valueOf).toList());
		}

	}

	@GetMapping("/admin/feature-flags")
	String page(@AuthenticationPrincipal CurrentUser user, Model model) {
		return show(user, model, null, Form.empty(), Map.of());
	}

	@PostMapping("/admin/feature-flags")
	String create(@AuthenticationPrincipal CurrentUser user, @RequestParam MultiValueMap<String, String> params,
			Model model, RedirectAttributes flash) {
		Form form = form(params, first(params, "key"));
		Map<String, String> errors = new LinkedHashMap<>();
		FlagValues values = values(form, errors);
		if (errors.isEmpty()) {
			try {
				FeatureFlag created = this.admin.create(user, values);
				flash.addFlashAttribute("flash", t("flags.page.created", created.key()));
				return "redirect:/admin/feature-flags";
			}
			catch (ProblemException ex) {
				errors.putAll(errors(ex));
			}
		}
		return show(user, model, null, form, errors);
	}

	@PostMapping("/admin/feature-flags/{key}")
	String update(@AuthenticationPrincipal CurrentUser user, @PathVariable String key,
			@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes flash) {
		Form form = form(params, key);
		Map<String, String> errors = new LinkedHashMap<>();
		FlagValues values = values(form, errors);
		if (errors.isEmpty()) {
			try {
				this.admin.update(user, key, values);
				flash.addFlashAttribute("flash", t("flags.page.saved", key));
				return "redirect:/admin/feature-flags";
			}
			catch (ProblemException ex) {
				if (ex.fieldErrors().isEmpty()) {
					flash.addFlashAttribute("flashError", t(ex.messageKey()));
					return "redirect:/admin/feature-flags";
				}
				errors.putAll(errors(ex));
			}
		}
		return show(user, model, key, form, errors);
	}

	@PostMapping("/admin/feature-flags/{key}/delete")
	String delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String key, RedirectAttributes flash) {
		try {
			this.admin.delete(user, key);
			flash.addFlashAttribute("flash", t("flags.page.deleted", key));
		}
		catch (ProblemException ex) {
			flash.addFlashAttribute("flashError", t(ex.messageKey()));
		}
		return "redirect:/admin/feature-flags";
	}

	/**
	 * The page; {@code editing} names the flag whose form shows {@code form} and
	 * {@code errors} (null: the new flag's form).
	 */
	private String show(CurrentUser user, Model model, @Nullable String editing, Form form,
			Map<String, String> errors) {
		List<Form> flags = new ArrayList<>();
		for (FeatureFlag flag : this.admin.list(user)) {
			flags.add(flag.key().equals(editing) ? form : Form.of(flag));
		}
		model.addAttribute("flags", flags);
		model.addAttribute("editing", editing == null ? "" : editing);
		model.addAttribute("newFlag", editing == null ? form : Form.empty());
		model.addAttribute("errors", errors);
		model.addAttribute("noErrors", Map.of());
		model.addAttribute("allRoles", Role.values());
		return "flags/admin";
	}

	private static Form form(MultiValueMap<String, String> params, String key) {
		List<String> roles = params.getOrDefault("roles", List.of());
		return new Form(key.strip(), first(params, "description"), params.containsKey("enabled"), roles,
				first(params, "percentage"), first(params, "userIds"), first(params, "agencyIds"));
	}

	private FlagValues values(Form form, Map<String, String> errors) {
		Integer percentage = null;
		String p = form.percentage().strip();
		if (!p.isEmpty()) {
			try {
				percentage = Integer.parseInt(p);
			}
			catch (NumberFormatException ex) {
				errors.put("percentage", t("flags.error.percentage"));
			}
		}
		return new FlagValues(form.key(), form.description(), form.enabled(), form.roles(), percentage,
				ids(form.userIds(), "userIds", errors), ids(form.agencyIds(), "agencyIds", errors));
	}

	private List<Long> ids(String text, String field, Map<String, String> errors) {
		List<Long> ids = new ArrayList<>();
		for (String part : text.split("[,\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				ids.add(Long.parseLong(part));
			}
			catch (NumberFormatException ex) {
				errors.put(field, t("flags.error.ids"));
				return List.of();
			}
		}
		return ids;
	}

	private Map<String, String> errors(ProblemException ex) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ex.fieldErrors().isEmpty()) {
			errors.put("", t(ex.messageKey(), ex.args()));
		}
		ex.fieldErrors().forEach((field, key) -> errors.put(field, t(key, ex.args())));
		return errors;
	}

	private static String first(MultiValueMap<String, String> params, String name) {
		String value = params.getFirst(name);
		return value == null ? "" : value;
	}

	private String t(String key, Object... args) {
		return this.messages.getMessage(key, args, key, LocaleContextHolder.getLocale());
	}

}
