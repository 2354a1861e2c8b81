package kz.zhilyego.chatbot;

/** One chat of one messenger, e.g. {@code telegram} / the private chat id. */
public record ChatKey(String messenger, long chatId) {

	public static ChatKey telegram(long chatId) {
		return new ChatKey("telegram", chatId);
	}

}
