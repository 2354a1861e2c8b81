package kz.zhilyego.chat;

import java.util.UUID;

import kz.zhilyego.common.ProblemException;
import kz.zhilyego.storage.FileStorage;
import kz.zhilyego.storage.Images;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Chat photos: at most 5 MB, checked by content like listing photos (JPEG, PNG or WebP,
 * decoded for real), re-encoded as JPEG so no metadata (GPS position) survives, and kept
 * under {@code private/} where the public media path never serves them.
 */
@Component
class ChatPhotos {

	/** Largest photo accepted. */
	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** Widest stored photo. */
	static final int MAX_WIDTH = 1600;

	private final FileStorage storage;

	ChatPhotos(FileStorage storage) {
		this.storage = storage;
	}

	record Saved(String key, String contentType, int size) {
	}

	Saved save(UUID bookingId, BookingChat.Photo photo) {
		if (photo.bytes().length > MAX_BYTES) {
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "chat-photo-too-large", "chat.photo.tooLarge", 5);
		}
		byte[] jpeg;
		try {
			jpeg = Images.reencodeJpeg(photo.bytes(), MAX_WIDTH);
		}
		catch (Images.NotAnImage ex) {
			throw ProblemException.invalidField("photo", "chat.photo.notImage");
		}
		String key = "private/chat/" + bookingId + "/" + UUID.randomUUID() + ".jpg";
		this.storage.put(key, jpeg, "image/jpeg");
		return new Saved(key, "image/jpeg", jpeg.length);
	}

	FileStorage.StoredFile load(String key) {
		return this.storage.get(key).orElseThrow(() -> ProblemException.notFound("chat.messageNotFound"));
	}

}
