package kz.zhilyego.storage.web;

import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import kz.zhilyego.common.ProblemException;
import kz.zhilyego.storage.FileStorage;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves public media (listing photos) from the file storage with long cache lifetimes;
 * keys under {@code private/} (chat photos) are never served here.
 */
@RestController
class MediaController {

	private static final String PREFIX = "/media/";

	/** Keys under this prefix are never public. */
	static final String PRIVATE = "private/";

	private final FileStorage storage;

	MediaController(FileStorage storage) {
		this.storage = storage;
	}

	@GetMapping("/media/**")
	ResponseEntity<InputStreamResource> media(HttpServletRequest request) {
		String key = request.getRequestURI().substring(request.getContextPath().length() + PREFIX.length());
		if (key.startsWith(PRIVATE)) {
			// private files (chat photos) are served only by their owners' checked paths
			throw ProblemException.notFound("problem.not-found");
		}
		FileStorage.StoredFile file = this.storage.get(key)
			.orElseThrow(() -> ProblemException.notFound("problem.not-found"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.contentLength(file.size())
			.cacheControl(CacheControl.maxAge(Duration.ofDays(30)).cachePublic())
			.body(new InputStreamResource(file.content()));
	}

}
