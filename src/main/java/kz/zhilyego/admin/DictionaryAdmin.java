package kz.zhilyego.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.zhilyego.catalog.DictionaryEditor;
import kz.zhilyego.catalog.DictionaryEditor.Kind;
import kz.zhilyego.catalog.DictionaryEntry;
import kz.zhilyego.catalog.DictionaryForm;
import kz.zhilyego.identity.AuditLog;
import kz.zhilyego.identity.CurrentUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The superuser's dictionary changes ({@link DictionaryEditor}), each audited in the same
 * transaction
 * ({@code dictionary.created|updated|deactivated|activated|reordered|deleted}, subject
 * {@code <kind>:<key>}).
 */
@Service
public class DictionaryAdmin {

	private final DictionaryEditor editor;

	private final AuditLog audit;

	DictionaryAdmin(DictionaryEditor editor, AuditLog audit) {
		this.editor = editor;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<DictionaryEntry> list(CurrentUser user, String kind, @Nullable String query) {
		SettingsAdmin.requireSuperuser(user);
		return this.editor.list(Kind.of(kind), query);
	}

	@Transactional(readOnly = true)
	public DictionaryEntry get(CurrentUser user, String kind, String key) {
		SettingsAdmin.requireSuperuser(user);
		return this.editor.get(Kind.of(kind), key);
	}

	@Transactional
	public DictionaryEntry create(CurrentUser user, String kind, DictionaryForm form) {
		SettingsAdmin.requireSuperuser(user);
		DictionaryEntry entry = this.editor.create(Kind.of(kind), form);
		record(user, "dictionary.created", entry, Map.of("code", entry.code(), "nameRu", entry.nameRu()));
		return entry;
	}

	@Transactional
	public DictionaryEntry update(CurrentUser user, String kind, String key, DictionaryForm form) {
		SettingsAdmin.requireSuperuser(user);
		DictionaryEntry before = this.editor.get(Kind.of(kind), key);
		DictionaryEntry after = this.editor.update(Kind.of(kind), key, form);
		Map<String, Object> changed = new LinkedHashMap<>();
		diff(changed, "nameRu", before.nameRu(), after.nameRu());
		diff(changed, "nameKk", before.nameKk(), after.nameKk());
		diff(changed, "nameEn", before.nameEn(), after.nameEn());
		diff(changed, "position", before.position(), after.position());
		diff(changed, "timeZone", before.timeZone(), after.timeZone());
		diff(changed, "validFrom", before.validFrom(), after.validFrom());
		diff(changed, "validTo", before.validTo(), after.validTo());
		diff(changed, "slug", before.slug(), after.slug());
		diff(changed, "hasRooms", before.hasRooms(), after.hasRooms());
		record(user, "dictionary.updated", after, changed);
		return after;
	}

	@Transactional
	public DictionaryEntry setActive(CurrentUser user, String kind, String key, boolean active) {
		SettingsAdmin.requireSuperuser(user);
		DictionaryEntry entry = this.editor.setActive(Kind.of(kind), key, active);
		record(user, active ? "dictionary.activated" : "dictionary.deactivated", entry, Map.of());
		return entry;
	}

	@Transactional
	public List<DictionaryEntry> reorder(CurrentUser user, String kind, List<String> keys) {
		SettingsAdmin.requireSuperuser(user);
		List<DictionaryEntry> entries = this.editor.reorder(Kind.of(kind), keys);
		this.audit.record(user.id(), "dictionary.reordered", "dictionary", kind, Map.of("keys", keys));
		return entries;
	}

	/** Moves one entry a place up or down among its siblings (the page's arrows). */
	@Transactional
	public List<DictionaryEntry> move(CurrentUser user, String kind, String key, boolean up) {
		SettingsAdmin.requireSuperuser(user);
		DictionaryEntry entry = this.editor.get(Kind.of(kind), key);
		List<String> keys = new java.util.ArrayList<>(this.editor.list(Kind.of(kind), null)
			.stream()
			.filter(e -> java.util.Objects.equals(e.city(), entry.city()))
			.map(DictionaryEntry::key)
			.toList());
		int i = keys.indexOf(key);
		int j = up ? i - 1 : i + 1;
		if (j >= 0 && j < keys.size()) {
			java.util.Collections.swap(keys, i, j);
		}
		return reorder(user, kind, keys);
	}

	@Transactional
	public DictionaryEntry delete(CurrentUser user, String kind, String key) {
		SettingsAdmin.requireSuperuser(user);
		DictionaryEntry entry = this.editor.delete(Kind.of(kind), key);
		record(user, "dictionary.deleted", entry, Map.of("code", entry.code()));
		return entry;
	}

	private void record(CurrentUser user, String action, DictionaryEntry entry, Map<String, Object> details) {
		this.audit.record(user.id(), action, "dictionary", entry.kind() + ":" + entry.key(), details);
	}

	private static void diff(Map<String, Object> changed, String field, @Nullable Object before,
			@Nullable Object after) {
		if (!java.util.Objects.equals(before, after)) {
			changed.put(field, Map.of("old", String.valueOf(before), "new", String.valueOf(after)));
		}
	}

}
