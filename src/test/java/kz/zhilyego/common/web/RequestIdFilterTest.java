package kz.zhilyego.common.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequestWrapper;
import kz.zhilyego.common.RequestIds;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class RequestIdFilterTest {

	@Test
	void anIdFromATrustedProxyIsKeptAndAnyOtherPeerGetsANewOne() throws Exception {
		RequestIdFilter filter = new RequestIdFilter(
				new TrustedProxies(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8")));

		assertThat(idFor(filter, "10.1.2.3", "lb-1234")).isEqualTo("lb-1234");
		assertThat(idFor(filter, "192.168.1.7", "lb-1234")).isEqualTo("lb-1234");
		assertThat(idFor(filter, "fd00:0:0:0:0:0:0:5", "lb-1234")).isEqualTo("lb-1234");
		assertThat(idFor(filter, "192.168.1.8", "lb-1234")).isNotEqualTo("lb-1234");
		assertThat(idFor(filter, "127.0.0.1", "lb-1234")).isNotEqualTo("lb-1234");
	}

	@Test
	void nothingIsTrustedByDefault() throws Exception {
		RequestIdFilter filter = new RequestIdFilter(new TrustedProxies(List.of()));

		String id = idFor(filter, "127.0.0.1", "from-the-client");

		assertThat(id).isNotEqualTo("from-the-client").matches("[0-9a-f-]{36}");
	}

	@Test
	void aTrustedProxyStillCannotSmuggleLineBreaksOrHugeValuesIntoTheLogs() throws Exception {
		RequestIdFilter filter = new RequestIdFilter(new TrustedProxies(List.of("10.0.0.1")));

		assertThat(idFor(filter, "10.0.0.1", "abc\ninjected")).doesNotContain("injected");
		assertThat(idFor(filter, "10.0.0.1", "x".repeat(129))).hasSize(36);
	}

	@Test
	void theConnectionsOwnAddressCountsNotOneRewrittenFromForwardedHeaders() throws Exception {
		RequestIdFilter filter = new RequestIdFilter(new TrustedProxies(List.of("10.0.0.1")));
		MockHttpServletRequest request = request("203.0.113.9", "forged");
		HttpServletRequestWrapper rewritten = new HttpServletRequestWrapper(request) {
			@Override
			public String getRemoteAddr() {
				return "10.0.0.1";
			}
		};
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(rewritten, response, new MockFilterChain());

		assertThat(response.getHeader(RequestIds.HEADER)).isNotEqualTo("forged");
	}

	@Test
	void theIdIsInTheLoggingContextWhileTheRequestRunsAndGoneAfterwards() throws Exception {
		RequestIdFilter filter = new RequestIdFilter(new TrustedProxies(List.of()));
		List<String> seen = new ArrayList<>();
		MockHttpServletResponse response = new MockHttpServletResponse();

		filter.doFilter(request("127.0.0.1", null), response, (req, res) -> seen.add(RequestIds.current()));

		assertThat(seen).containsExactly(response.getHeader(RequestIds.HEADER));
		assertThat(RequestIds.current()).isNull();
	}

	private static String idFor(RequestIdFilter filter, String peer, String header) throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		filter.doFilter(request(peer, header), response, new MockFilterChain());
		return response.getHeader(RequestIds.HEADER);
	}

	private static MockHttpServletRequest request(String peer, String header) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/listings");
		request.setRemoteAddr(peer);
		if (header != null) {
			request.addHeader(RequestIds.HEADER, header);
		}
		return request;
	}

}
