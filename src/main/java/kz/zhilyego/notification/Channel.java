package kz.zhilyego.notification;

/** How a message reaches a person. */
public enum Channel {

	/** SMTP: HTML and plain-text parts; address is an e-mail address. */
	EMAIL,
	/** Telegram Bot API {@code sendMessage}; address is the chat id. */
	TELEGRAM,
	/** WhatsApp Cloud API template message; address is a phone number in E.164. */
	WHATSAPP,
	/** A row in the user's in-app inbox; no address. */
	IN_APP

}
