package kz.zhilyego.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Absolute public URLs for canonical links, Open Graph and the sitemap. */
@Component
class SiteUrls {

	private final WebProperties properties;

	SiteUrls(WebProperties properties) {
		this.properties = properties;
	}

	String absolute(String path) {
		return origin() + path;
	}

	String origin() {
		if (!this.properties.baseUrl().isEmpty()) {
			return this.properties.baseUrl();
		}
		return ServletUriComponentsBuilder.fromCurrentContextPath().replacePath("").toUriString();
	}

}
