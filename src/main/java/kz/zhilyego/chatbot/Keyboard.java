package kz.zhilyego.chatbot;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows of inline buttons under a message; {@code removeReplyKeyboard} also takes away a
 * reply keyboard shown before (the "share phone" one).
 */
public record Keyboard(List<List<Button>> rows, boolean removeReplyKeyboard) {

	public static final Keyboard NONE = new Keyboard(List.of(), false);

	public Keyboard {
		rows = rows.stream().filter(row -> !row.isEmpty()).map(List::copyOf).toList();
	}

	public static Builder builder() {
		return new Builder();
	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public Keyboard removingReplyKeyboard() {
		return new Keyboard(this.rows, true);
	}

	public static final class Builder {

		private final List<List<Button>> rows = new ArrayList<>();

		public Builder row(Button... buttons) {
			this.rows.add(List.of(buttons));
			return this;
		}

		public Builder row(List<Button> buttons) {
			this.rows.add(List.copyOf(buttons));
			return this;
		}

		public Keyboard build() {
			return new Keyboard(this.rows, false);
		}

	}

}
