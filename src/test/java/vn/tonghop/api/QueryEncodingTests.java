package vn.tonghop.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How the servlet container's decoding of a query meets the filters, on a real port: MockMvc takes
 * parameters already decoded and never meets a query it cannot read.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryEncodingTests {

	final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeAll
	void reference(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference) throws Exception {
		ExampleFiles.resetToShippedReference(jdbc, reference);
	}

	@Test
	void aFilterThatIsNotUtf8IsRefusedRatherThanDropped() throws Exception {
		// given a unit code sent in another encoding than UTF-8 (Latin-1's Đ is %D0), which the container cannot decode
		HttpResponse<String> response = get("/api/conferences/NQDH13/completeness?unit=%D0");

		// then it is refused, not taken for a filter left out (every unit expected)
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).contains("unit=%D0");
	}

	@Test
	void aFilterInUtf8IsRead() throws Exception {
		// given Vietnamese letters in a value, as a browser encodes them
		HttpResponse<String> response = get("/api/submissions?path=004%2FB%C3%A1o+c%C3%A1o.xlsx&unit=%C4%90");

		// then the filters apply: nothing matches them
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("\"total\":0");
	}

	private HttpResponse<String> get(String query) throws Exception {
		String credentials = Base64.getEncoder().encodeToString("analyst:analyst-secret".getBytes(StandardCharsets.UTF_8));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + query))
			.header("Authorization", "Basic " + credentials)
			.build();
		return this.client.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
