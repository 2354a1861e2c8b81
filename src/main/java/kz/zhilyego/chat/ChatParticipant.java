package kz.zhilyego.chat;

/**
 * How the caller takes part in a booking's chat: the booking's guest, the listing's
 * realtor (both write), or staff whose scope covers the listing (agency head, superuser:
 * they read).
 */
public enum ChatParticipant {

	GUEST, REALTOR, READER;

	public boolean writes() {
		return this != READER;
	}

}
