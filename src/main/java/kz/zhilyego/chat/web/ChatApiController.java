package kz.zhilyego.chat.web;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import kz.zhilyego.chat.BookingChat;
import kz.zhilyego.chat.ChatMessage;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.identity.CurrentUser;
import kz.zhilyego.storage.FileStorage;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code GET|POST /api/v1/bookings/{id}/messages}: the booking's chat for its guest and
 * realtor, readable by staff in scope; newest first, paged by {@code before} (a message
 * id). A post is JSON ({@code text}) or multipart ({@code text}, {@code photo}). Outside
 * the scope, or with the {@code booking-chat} flag off, a 404.
 */
@RestController
@RequestMapping("/api/v1/bookings/{id}/messages")
class ChatApiController {

	private final BookingChat chat;

	ChatApiController(BookingChat chat) {
		this.chat = chat;
	}

	record MessageJson(long id, long authorId, String authorName, String side, @Nullable String text, boolean masked,
			@Nullable String photoUrl, String via, Instant createdAt, boolean deleted, boolean read) {

		static MessageJson of(ChatMessage m) {
			return new MessageJson(m.id(), m.authorId(), m.authorName(), m.side(), m.text(), m.masked(),
					m.photo() ? "/api/v1/bookings/" + m.bookingId() + "/messages/" + m.id() + "/photo" : null, m.via(),
					m.createdAt(), m.deleted(), m.read());
		}

	}

	record PageJson(UUID bookingId, String participant, boolean open, Instant closesAt, boolean masking, int unread,
			List<MessageJson> items, @Nullable Long nextBefore) {
	}

	record PostJson(@Nullable String text) {
	}

	@GetMapping
	@Operation(summary = "The booking's chat, newest first (before = a message id for older ones); marks it read")
	PageJson list(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(defaultValue = "50") int size) {
		BookingChat.Page page = this.chat.read(id, user, before, size);
		return new PageJson(id, page.participant().name(), page.open(), page.closesAt(), page.masking(), page.unread(),
				page.messages().stream().map(MessageJson::of).toList(), page.nextBefore());
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "Post a text message (guest or realtor, while the chat is open)")
	ResponseEntity<MessageJson> post(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestBody PostJson body) {
		ChatMessage message = this.chat.post(id, user, body.text(), null, "API");
		return ResponseEntity.status(HttpStatus.CREATED).body(MessageJson.of(message));
	}

	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Post a photo (at most 5 MB, JPEG, PNG or WebP) with an optional text")
	ResponseEntity<MessageJson> postPhoto(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable String text,
			@RequestPart(required = false) @Nullable MultipartFile photo) {
		ChatMessage message = this.chat.post(id, user, text, photoOf(photo), "API");
		return ResponseEntity.status(HttpStatus.CREATED).body(MessageJson.of(message));
	}

	@DeleteMapping("/{messageId}")
	@Operation(summary = "The author deletes a message (audited)")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable long messageId) {
		this.chat.delete(id, messageId, user);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{messageId}/photo")
	@Operation(summary = "A message's photo (never cached by shared caches)")
	ResponseEntity<InputStreamResource> photo(@AuthenticationPrincipal CurrentUser user, @PathVariable UUID id,
			@PathVariable long messageId) {
		return photoResponse(this.chat.photo(id, messageId, user));
	}

	static ResponseEntity<InputStreamResource> photoResponse(FileStorage.StoredFile file) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.cacheControl(CacheControl.noStore().cachePrivate())
			.header("X-Content-Type-Options", "nosniff")
			.body(new InputStreamResource(file.content()));
	}

	static BookingChat.@Nullable Photo photoOf(@Nullable MultipartFile photo) {
		if (photo == null || photo.isEmpty()) {
			return null;
		}
		if (photo.getSize() > BookingChat.MAX_PHOTO_BYTES) {
			// refused before the upload is read into memory
			throw new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "chat-photo-too-large", "chat.photo.tooLarge",
					BookingChat.MAX_PHOTO_BYTES / (1024 * 1024));
		}
		try {
			return new BookingChat.Photo(photo.getBytes(), photo.getContentType());
		}
		catch (IOException ex) {
			throw ProblemException.invalidField("photo", "chat.photo.notImage");
		}
	}

}
