package kz.zhilyego.admin.web;

import io.swagger.v3.oas.annotations.Operation;
import java.util.List;

import kz.zhilyego.admin.DictionaryAdmin;
import kz.zhilyego.catalog.DictionaryEntry;
import kz.zhilyego.catalog.DictionaryForm;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/v1/admin/dictionaries/{cities|districts|classes|types|amenities}}: list
 * (with {@code q}), create, edit, deactivate / activate, reorder, delete an entry nothing
 * uses (an entry in use: 409).
 */
@RestController
@RequestMapping("/api/v1/admin/dictionaries/{kind}")
class DictionaryApiController {

	private final DictionaryAdmin admin;

	DictionaryApiController(DictionaryAdmin admin) {
		this.admin = admin;
	}

	record OrderRequest(@Nullable List<String> keys) {
	}

	@GetMapping
	@Operation(summary = "Superuser: a dictionary's entries (search with q)")
	List<DictionaryEntry> list(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@RequestParam(required = false) @Nullable String q) {
		return this.admin.list(user, kind, q);
	}

	@PostMapping
	@Operation(summary = "Superuser: add a dictionary entry (audited)")
	@ResponseStatus(HttpStatus.CREATED)
	DictionaryEntry create(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@RequestBody DictionaryForm form) {
		return this.admin.create(user, kind, form);
	}

	@PutMapping("/order")
	@Operation(summary = "Superuser: reorder a dictionary (every key once)")

	List<DictionaryEntry> order(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@RequestBody OrderRequest request) {
		return this.admin.reorder(user, kind, request.keys() == null ? List.of() : request.keys());
	}

	@GetMapping("/{key}")
	@Operation(summary = "Superuser: one dictionary entry")

	DictionaryEntry get(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@PathVariable String key) {
		return this.admin.get(user, kind, key);
	}

	@PutMapping("/{key}")
	@Operation(summary = "Superuser: edit a dictionary entry (audited)")

	DictionaryEntry update(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@PathVariable String key, @RequestBody DictionaryForm form) {
		return this.admin.update(user, kind, key, form);
	}

	@PostMapping("/{key}/deactivate")
	@Operation(summary = "Superuser: stop offering a dictionary entry (listings keep it)")

	DictionaryEntry deactivate(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@PathVariable String key) {
		return this.admin.setActive(user, kind, key, false);
	}

	@PostMapping("/{key}/activate")
	@Operation(summary = "Superuser: offer a dictionary entry again")

	DictionaryEntry activate(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind,
			@PathVariable String key) {
		return this.admin.setActive(user, kind, key, true);
	}

	@DeleteMapping("/{key}")
	@Operation(summary = "Superuser: delete an unused dictionary entry (in use: 409)")

	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@AuthenticationPrincipal CurrentUser user, @PathVariable String kind, @PathVariable String key) {
		this.admin.delete(user, kind, key);
	}

}
