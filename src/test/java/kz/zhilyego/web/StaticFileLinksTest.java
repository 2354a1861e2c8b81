package kz.zhilyego.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import static org.assertj.core.api.Assertions.assertThat;

class StaticFileLinksTest {

	@Test
	void everyTopLevelStaticEntryIsAPrefix() throws IOException {
		List<String> entries;
		try (Stream<Path> files = Files.list(Path.of("src/main/resources/static"))) {
			entries = files.map(p -> "/" + p.getFileName() + (Files.isDirectory(p) ? "/" : "")).sorted().toList();
		}
		assertThat(entries).isNotEmpty();
		assertThat(StaticFileLinks.PREFIXES).containsAll(entries).contains("/webjars/");
	}

	@Test
	void aStaticFileIsLookedUpAndAPageLinkIsNot() throws Exception {
		List<String> asked = new ArrayList<>();
		ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
		handler.setResourceResolvers(List.of(new ResourceResolver() {
			@Override
			public @Nullable Resource resolveResource(@Nullable HttpServletRequest request, String requestPath,
					List<? extends Resource> locations, ResourceResolverChain chain) {
				return null;
			}

			@Override
			public @Nullable String resolveUrlPath(String resourcePath, List<? extends Resource> locations,
					ResourceResolverChain chain) {
				asked.add(resourcePath);
				return resourcePath.replace(".css", "-0123.css");
			}
		}));
		ResourceUrlProvider spring = new ResourceUrlProvider();
		spring.setHandlerMap(Map.of("/**", handler));
		ResourceUrlProvider links = StaticFileLinks.limiting(spring);

		assertThat(links.getForLookupPath("/css/app.css")).isEqualTo("/css/app-0123.css");
		assertThat(links.getForLookupPath("/manifest.webmanifest")).isEqualTo("/manifest.webmanifest");
		assertThat(links.getForLookupPath("/astana/esil/kvartira-12")).isNull();
		assertThat(links.getForLookupPath("/search")).isNull();
		assertThat(links.getForLookupPath("/cssx/app.css")).isNull();
		assertThat(asked).containsExactly("css/app.css", "manifest.webmanifest");
		assertThat(spring.getForLookupPath("/search")).as("Spring's own lookup asks for every link")
			.isEqualTo("/search");
	}

}
