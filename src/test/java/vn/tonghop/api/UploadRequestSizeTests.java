package vn.tonghop.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.FileSystemUtils;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the servlet container lets into an upload, on a real port: MockMvc builds the multipart
 * request itself and so never meets the container's limits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tonghop.intake.input=" + UploadRequestSizeTests.INPUT, "tonghop.upload.max-size=64KB" })
class UploadRequestSizeTests {

	static final String INPUT = "target/upload-size-tests/input";

	private static final String BOUNDARY = "tonghop-test-boundary";

	final Path input = Path.of(INPUT);

	final HttpClient client = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@BeforeEach
	void cleanState(@Autowired JdbcTemplate jdbc, @Autowired ReferenceFiles reference) throws IOException {
		ExampleFiles.resetToShippedReference(jdbc, reference);
		FileSystemUtils.deleteRecursively(this.input.getParent());
		Files.createDirectories(this.input);
	}

	@Test
	void aFileWithinTheLimitIsStored() throws Exception {
		// when
		HttpResponse<String> response = post(part("file", "bao-cao.csv", new byte[60 * 1024]));

		// then
		assertThat(response.statusCode()).isEqualTo(202);
		assertThat(this.input.resolve("004/bao-cao.csv")).hasSize(60 * 1024);
	}

	@Test
	void aFileOverTheLimitIsRefusedAndNothingIsLeft() throws Exception {
		// when
		HttpResponse<String> response = post(part("file", "bao-cao.csv", new byte[65 * 1024]));

		// then
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		try (var stream = Files.walk(this.input)) {
			assertThat(stream.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void aRequestFarLargerThanOneFileIsRefused() throws Exception {
		// given a small file, and twenty more parts each within the file limit: the container would write
		// them all to its temporary folder before the upload is looked at, however many and large
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(part("file", "bao-cao.csv", new byte[] { 1 }));
		for (int i = 0; i < 20; i++) {
			body.write(part("padding" + i, "padding.bin", new byte[60 * 1024]));
		}

		// when
		HttpResponse<String> response = post(body.toByteArray());

		// then
		assertThat(response.statusCode()).isEqualTo(413);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		try (var stream = Files.walk(this.input)) {
			assertThat(stream.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void aRequestCutShortIsABadRequestNotAServerError() throws Exception {
		// given a form whose last part never ends: no closing boundary, as a dropped connection leaves it
		HttpRequest request = upload(part("file", "bao-cao.csv", new byte[] { 1, 2, 3 }));

		// when
		HttpResponse<String> response = this.client.send(request, HttpResponse.BodyHandlers.ofString());

		// then
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		try (var stream = Files.walk(this.input)) {
			assertThat(stream.filter(Files::isRegularFile)).isEmpty();
		}
	}

	private HttpResponse<String> post(byte[] parts) throws IOException, InterruptedException {
		byte[] end = ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] body = new byte[parts.length + end.length];
		System.arraycopy(parts, 0, body, 0, parts.length);
		System.arraycopy(end, 0, body, parts.length, end.length);
		return this.client.send(upload(body), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest upload(byte[] body) {
		String credentials = Base64.getEncoder().encodeToString("long-bien:district-secret".getBytes(StandardCharsets.UTF_8));
		return HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/submissions"))
			.header("Authorization", "Basic " + credentials)
			.header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body))
			.build();
	}

	private static byte[] part(String name, String fileName, byte[] content) throws IOException {
		ByteArrayOutputStream part = new ByteArrayOutputStream();
		part.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
		part.write(content);
		part.write("\r\n".getBytes(StandardCharsets.US_ASCII));
		return part.toByteArray();
	}

}
