package vn.tonghop.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.FileSystemUtils;

import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.jobs.IngestRunner;
import vn.tonghop.units.ReferenceFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Uploads end in the drop folder and come out of the next scan like dropped files. */
@SpringBootTest(properties = { "tonghop.intake.stable-for=0s", "tonghop.intake.input=" + UploadApiTests.INPUT,
		"tonghop.upload.max-size=64KB" })
@AutoConfigureMockMvc
class UploadApiTests {

	static final String INPUT = "target/upload-tests/input";

	static final RequestPostProcessor ANALYST = httpBasic("analyst", "analyst-secret");

	static final RequestPostProcessor ADMIN = httpBasic("admin", "admin-secret");

	/** Bound to unit 004, Quận Long Biên in Hà Nội (01). */
	static final RequestPostProcessor LONG_BIEN = httpBasic("long-bien", "district-secret");

	final Path input = Path.of(INPUT);

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	IngestRunner runner;

	@BeforeEach
	void cleanState(@Autowired ReferenceFiles reference) throws IOException {
		ExampleFiles.resetToShippedReference(this.jdbc, reference);
		FileSystemUtils.deleteRecursively(this.input.getParent());
		Files.createDirectories(this.input);
	}

	@Test
	void aDistrictsGoodUploadEndsAcceptedWithItsFigures(@Autowired MeterRegistry meters) throws Exception {
		// given
		byte[] workbook = Files.readAllBytes(Path.of("input", "004", "long-bien-nqdh13.xlsx"));
		double filesBefore = meters.counter("tonghop.files", "outcome", "accepted").count();

		// when Long Biên uploads its file without naming a unit
		this.mvc.perform(multipart("/api/submissions").file(file("long-bien-nqdh13.xlsx", workbook)).with(LONG_BIEN))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/submissions?path=004%2Flong-bien-nqdh13.xlsx"))
			.andExpect(jsonPath("$.unit").value("004"))
			.andExpect(jsonPath("$.path").value("004/long-bien-nqdh13.xlsx"))
			.andExpect(jsonPath("$.size").value(workbook.length));
		this.runner.run(null, "test");

		// then it is accepted with the same figures as the dropped file
		this.mvc.perform(get("/api/submissions").param("unit", "004").with(LONG_BIEN))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].state").value("accepted"))
			.andExpect(jsonPath("$.items[0].sourcePath").value("004/long-bien-nqdh13.xlsx"))
			.andExpect(jsonPath("$.items[0].rowsLoaded").value(19));
		assertThat(this.jdbc.queryForObject("SELECT points FROM warehouse.participation_by_unit "
				+ "WHERE conference_code = 'NQDH13' AND reporting_unit_code = '004'", Long.class)).isEqualTo(19L);
		assertThat(meters.counter("tonghop.files", "outcome", "accepted").count()).isEqualTo(filesBefore + 1);
		this.mvc.perform(get("/actuator/metrics/tonghop.rows").param("tag", "outcome:accepted").with(ADMIN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.measurements[0].value").value(meters.counter("tonghop.rows", "outcome", "accepted").count()));
		assertThat(meters.timer("tonghop.file.duration", "outcome", "accepted").count()).isPositive();
	}

	@Test
	void whatTheDistrictReceivedDownloadsUnderItsVietnameseNameAndAPlainOne() throws Exception {
		// given Long Biên uploads a file named in Vietnamese, with typographic quotes
		String csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề"));
		this.mvc.perform(multipart("/api/submissions")
			.file(file("Báo cáo “đợt 1”.csv", csv.getBytes(StandardCharsets.UTF_8)))
			.with(LONG_BIEN)).andExpect(status().isAccepted());
		this.runner.run(null, "test");
		long id = this.jdbc.queryForObject("SELECT id FROM tonghop.submission WHERE unit_code = '004'", Long.class);

		// then the UTF-8 name is there for browsers, and an ASCII one for clients that read only filename
		// (curl -OJ), rather than Latin-1 bytes and underscores
		this.mvc.perform(get("/api/submissions/{id}/workbook", id).with(ANALYST))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"Bao cao _dot 1_.csv.annotated.xlsx\"; filename*=UTF-8''"
							+ "B%C3%A1o%20c%C3%A1o%20%E2%80%9C%C4%91%E1%BB%A3t%201%E2%80%9D.csv.annotated.xlsx"));
		this.mvc.perform(get("/api/submissions/{id}/report.json", id).with(LONG_BIEN))
			.andExpect(status().isOk())
			.andExpect(header().string("Content-Disposition", startsWith("attachment; filename=\"Bao cao _dot 1_.csv")));
	}

	@Test
	void anOdsRenamedXlsxIsRejectedAsAFileDroppedInTheFolderWouldBe() throws Exception {
		// when an administrator uploads it for Long Biên
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao.xlsx", ods())).param("unit", "004").with(ADMIN))
			.andExpect(status().isAccepted());
		this.runner.run(null, "test");

		// then
		assertThat(this.jdbc.queryForObject("SELECT state FROM tonghop.submission WHERE file_name = 'bao-cao.xlsx'",
				String.class)).isEqualTo("rejected");
		assertThat(this.jdbc.queryForList("SELECT p.code FROM tonghop.submission_problem p "
				+ "JOIN tonghop.submission s ON s.id = p.submission_id WHERE s.file_name = 'bao-cao.xlsx'", String.class))
			.containsExactly("file-format");
	}

	@Test
	void aFileRejectedBeforeItNamedAUnitIsFoundWhereTheUploadSaid() throws Exception {
		// given Long Biên uploads an .ods renamed .xlsx under a Vietnamese name with a plus sign
		String location = this.mvc
			.perform(multipart("/api/submissions").file(file("Báo cáo+1.xlsx", ods())).with(LONG_BIEN))
			.andExpect(status().isAccepted())
			.andReturn()
			.getResponse()
			.getHeader("Location");

		// when the scan has rejected it, before it could name a unit
		this.runner.run(null, "test");

		// then the answer's Location lists it
		this.mvc.perform(get(URI.create(location)).with(LONG_BIEN))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].sourcePath").value("004/Báo cáo+1.xlsx"))
			.andExpect(jsonPath("$.items[0].state").value("rejected"));
	}

	@Test
	void aUnitFolderNamedWithATrailingSpaceIsTheUnitsFolder() throws Exception {
		// given a file Long Biên dropped in "004 ", a folder made on a Mac or through a share, rejected unread
		byte[] ods = ods();
		Files.createDirectories(this.input.resolve("004 "));
		Files.write(this.input.resolve("004 ").resolve("bao-cao.xlsx"), ods);
		this.runner.run(null, "test");

		// when Long Biên lists its submissions, then the file is among them
		this.mvc.perform(get("/api/submissions").with(LONG_BIEN))
			.andExpect(jsonPath("$.total").value(1))
			.andExpect(jsonPath("$.items[0].sourcePath").value("004 /bao-cao.xlsx"))
			.andExpect(jsonPath("$.items[0].state").value("rejected"));
		// and the same bytes uploaded for 004 are that submission, received already
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao.xlsx", ods)).with(LONG_BIEN))
			.andExpect(status().isConflict());
	}

	@ParameterizedTest(name = "{0} is stored as {1}")
	@CsvSource(delimiter = '|', value = { "../../etc/passwd|passwd", "C:\\x.xlsx|x.xlsx", "/tmp/../báo cáo.xlsx|báo cáo.xlsx",
			"..\\..\\windows\\win.ini|win.ini", ".hidden.xlsx|hidden.xlsx", "a:b*c?.csv|abc.csv" })
	void pathsInFileNamesAreDropped(String sent, String stored) throws Exception {
		this.mvc.perform(multipart("/api/submissions").file(file(sent, "x".getBytes(StandardCharsets.UTF_8)))
			.param("unit", "004")
			.with(ADMIN))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.path").value("004/" + stored));
		assertThat(this.input.resolve("004").resolve(stored)).hasContent("x");
		try (var stream = Files.list(this.input.resolve("004"))) {
			assertThat(stream.map(path -> path.getFileName().toString())).containsExactly(stored);
		}
	}

	@Test
	void controlCharactersAreDroppedAndVietnameseLettersKeptInNfc() throws Exception {
		// given "Báo cáo" with a combining acute accent, a NUL and a line break
		String sent = "Ba\u0301o\u0000 ca\u0301o\r\n.xlsx";

		// then
		this.mvc.perform(multipart("/api/submissions").file(file(sent, "x".getBytes(StandardCharsets.UTF_8)))
			.param("unit", "004")
			.with(ADMIN)).andExpect(jsonPath("$.path").value("004/Báo cáo.xlsx"));
	}

	@Test
	void aSecondFileOfTheSameNameIsNumberedNotOverwritten() throws Exception {
		for (String content : new String[] { "first", "second" }) {
			this.mvc.perform(multipart("/api/submissions").file(file("ds.csv", content.getBytes(StandardCharsets.UTF_8)))
				.with(LONG_BIEN)).andExpect(status().isAccepted());
		}
		assertThat(this.input.resolve("004/ds.csv")).hasContent("first");
		assertThat(this.input.resolve("004/ds (2).csv")).hasContent("second");
	}

	@Test
	void theSameBytesUploadedAgainForTheUnitAreToldWhichSubmissionTheyAre() throws Exception {
		// given Long Biên's file uploaded and taken
		byte[] csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")).getBytes(StandardCharsets.UTF_8);
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao.csv", csv)).with(LONG_BIEN))
			.andExpect(status().isAccepted());
		this.runner.run(null, "test");
		long taken = this.jdbc.queryForObject("SELECT id FROM tonghop.submission", Long.class);

		// when the same bytes are uploaded again, under another name, for the same unit
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao-lan-2.csv", csv)).with(LONG_BIEN))
			// then the answer names the submission they already are, which no scan would make anew
			.andExpect(status().isConflict())
			.andExpect(header().string("Location", "/api/submissions/" + taken))
			.andExpect(jsonPath("$.detail").value("This file was already received for unit 004: submission " + taken + "."));
		// and nothing is left in the folder for a scan to skip
		try (var stream = Files.list(this.input.resolve("004"))) {
			assertThat(stream.filter(Files::isRegularFile).map(path -> path.getFileName().toString()))
				.containsExactly("bao-cao.csv");
		}
	}

	@Test
	void theSameBytesUploadedAgainBeforeAScanAreToldWhereTheyWait() throws Exception {
		// given Long Biên's file uploaded, not yet taken, and a file of the same size but other bytes
		byte[] csv = ExampleFiles.longBienCsv(List.of("Phường Bồ Đề")).getBytes(StandardCharsets.UTF_8);
		byte[] other = csv.clone();
		other[other.length - 1] = (byte) (other[other.length - 1] == 'x' ? 'y' : 'x');
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao.csv", csv)).with(LONG_BIEN))
			.andExpect(status().isAccepted());
		this.mvc.perform(multipart("/api/submissions").file(file("khac.csv", other)).with(LONG_BIEN))
			.andExpect(status().isAccepted());

		// when the same bytes are uploaded again before the scan
		this.mvc.perform(multipart("/api/submissions").file(file("bao-cao-lan-2.csv", csv)).with(LONG_BIEN))
			// then the answer says where they already wait, which the scan would take once
			.andExpect(status().isConflict())
			.andExpect(header().string("Location", "/api/submissions?path=004%2Fbao-cao.csv"))
			.andExpect(jsonPath("$.detail").value("This file is already waiting in the folder of unit 004: 004/bao-cao.csv."));
		try (var stream = Files.list(this.input.resolve("004"))) {
			assertThat(stream.map(path -> path.getFileName().toString())).containsExactlyInAnyOrder("bao-cao.csv",
					"khac.csv");
		}
	}

	@Test
	void twoUploadsOfTheSameBytesAtOnceStoreOneFile() throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(2);
		try {
			for (int round = 1; round <= 20; round++) {
				// given the same bytes sent twice at the same moment, under two names
				byte[] csv = ("lan " + round + "\n").getBytes(StandardCharsets.UTF_8);
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Integer>> answers = new ArrayList<>();
				for (String name : new String[] { "a-" + round + ".csv", "b-" + round + ".csv" }) {
					answers.add(clients.submit(() -> {
						together.await();
						return this.mvc.perform(multipart("/api/submissions").file(file(name, csv)).with(LONG_BIEN))
							.andReturn()
							.getResponse()
							.getStatus();
					}));
				}

				// when both have been answered
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get(30, TimeUnit.SECONDS));
				}

				// then one was stored and the other told where it waits
				assertThat(statuses).as("round %d", round).containsExactlyInAnyOrder(202, 409);
				try (var stream = Files.list(this.input.resolve("004"))) {
					String suffix = "-" + round + ".csv";
					assertThat(stream.filter((path) -> path.getFileName().toString().endsWith(suffix)))
						.as("round %d", round)
						.hasSize(1);
				}
			}
		}
		finally {
			clients.shutdownNow();
		}
		// and no claim or partial file is left behind
		try (var stream = Files.list(this.input.resolve("004"))) {
			assertThat(stream.map(path -> path.getFileName().toString())).noneMatch((name) -> name.startsWith("."));
		}
	}

	@Test
	void aClaimLeftByAStoppedProcessDoesNotHoldTheSameBytesBack() throws Exception {
		// given the claim of these bytes an upload killed a minute ago left in Long Biên's folder
		byte[] csv = "lan 1\n".getBytes(StandardCharsets.UTF_8);
		Path claim = Files.createDirectories(this.input.resolve("004"))
			.resolve(".tonghop-" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(csv)) + ".tmp");
		Files.createFile(claim);
		Files.setLastModifiedTime(claim, FileTime.from(Instant.now().minusSeconds(60)));

		// when the same bytes are uploaded
		this.mvc.perform(multipart("/api/submissions").file(file("ds.csv", csv)).with(LONG_BIEN))
			// then they are stored, and the claim is gone
			.andExpect(status().isAccepted());
		assertThat(claim).doesNotExist();
		assertThat(this.input.resolve("004/ds.csv")).hasContent("lan 1");
	}

	@Test
	void aLongVietnameseNameIsShortenedByBytesAndKeepsItsExtension() throws Exception {
		// given a name of 200 letters but 400 bytes, twice
		String sent = "đ".repeat(200) + ".csv";
		for (String content : new String[] { "first", "second" }) {
			this.mvc.perform(multipart("/api/submissions").file(file(sent, content.getBytes(StandardCharsets.UTF_8)))
				.with(LONG_BIEN)).andExpect(status().isAccepted());
		}

		// then both are stored, under names Linux takes
		try (var stream = Files.list(this.input.resolve("004"))) {
			assertThat(stream.map(path -> path.getFileName().toString())).hasSize(2)
				.allSatisfy(name -> assertThat(name.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255))
				.allSatisfy(name -> assertThat(name).startsWith("đđđ").endsWith(".csv"));
		}
	}

	@Test
	void namesLeftEmptyOrOfTemporaryFilesAreRefused() throws Exception {
		for (String sent : new String[] { "../..", "\u0000\n", "bao-cao.xlsx.part", "~$bao-cao.tmp", "Thumbs.db" }) {
			this.mvc.perform(multipart("/api/submissions").file(file(sent, new byte[] { 1 })).param("unit", "004").with(ADMIN))
				.andExpect(status().isBadRequest());
		}
		try (var stream = Files.list(this.input)) {
			assertThat(stream).isEmpty();
		}
	}

	@ParameterizedTest(name = "{0} is refused")
	@ValueSource(strings = { "reports", "Reports", "CON.xlsx", "nul", "aux.tar.gz", "COM1.csv", "lpt9", "prn .xlsx" })
	void reservedNamesAreRefused(String sent) throws Exception {
		// "reports" would take the place of the folder the unit's reports are written to, failing every
		// later run; a device name Windows reserves cannot be opened from a share
		this.mvc.perform(multipart("/api/submissions").file(file(sent, new byte[] { 1 })).param("unit", "00115").with(ADMIN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("reserved")));
		try (var stream = Files.list(this.input)) {
			assertThat(stream).isEmpty();
		}
	}

	@Test
	void namesThatOnlyBeginLikeAReservedNameAreKept() throws Exception {
		for (String sent : new String[] { "reports.xlsx", "console.xlsx", "com10.csv", "nul-so-lieu.xls" }) {
			this.mvc.perform(multipart("/api/submissions").file(file(sent, sent.getBytes(StandardCharsets.UTF_8)))
				.param("unit", "004")
				.with(ADMIN)).andExpect(status().isAccepted()).andExpect(jsonPath("$.path").value("004/" + sent));
		}
	}

	@Test
	void whoMayUploadForWhichUnit() throws Exception {
		byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
		// a district outside its subtree, or for its parent province
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "380").with(LONG_BIEN))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "01").with(LONG_BIEN))
			.andExpect(status().isForbidden());
		// analysts only read; anonymous callers sign in first
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "004").with(ANALYST))
			.andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "004"))
			.andExpect(status().isUnauthorized());
		// an administrator names an existing unit
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).with(ADMIN))
			.andExpect(status().isBadRequest());
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "../004").with(ADMIN))
			.andExpect(status().isBadRequest());
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "380").with(ADMIN))
			.andExpect(status().isAccepted());
		try (var stream = Files.walk(this.input)) {
			assertThat(stream.filter(Files::isRegularFile).map(path -> this.input.relativize(path).toString()))
				.containsExactly("380/a.csv");
		}
	}

	@Test
	void aUnitFieldLeftEmptyNamesNoUnit() throws Exception {
		byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
		// when a form's unit field is sent empty, by a district
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "").with(LONG_BIEN))
			// then the file is for the district's own unit, as without the field
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.path").value("004/a.csv"));
		// and an administrator is asked to name the unit, not told of a unit with no code
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", " ").with(ADMIN))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value("Name the unit the file is for."));
	}

	@Test
	void aUnitIsNamedWhateverTheCaseOfItsLetters() throws Exception {
		byte[] bytes = "x".getBytes(StandardCharsets.UTF_8);
		// when Long Biên names its police, 004-CA, in lower case, as a folder input/004-ca/ may name it
		this.mvc.perform(multipart("/api/submissions").file(file("a.csv", bytes)).param("unit", "004-ca").with(LONG_BIEN))
			// then the file goes to the unit's folder under its code
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.unit").value("004-CA"))
			.andExpect(jsonPath("$.path").value("004-CA/a.csv"));
		// and an administrator's lower-case code is the unit too
		this.mvc.perform(multipart("/api/submissions").file(file("b.csv", bytes)).param("unit", "20-kcq").with(ADMIN))
			.andExpect(status().isAccepted())
			.andExpect(jsonPath("$.path").value("20-KCQ/b.csv"));
	}

	@Test
	void anUploadAPageOfAnotherSitePostsWithTheCredentialsTheBrowserResendsIsRefused() throws Exception {
		// a multipart form is a "simple" request: a page elsewhere can post it without asking first
		this.mvc.perform(multipart("/api/submissions").file(file("gia-mao.csv", new byte[] { 1 }))
			.param("unit", "004")
			.with(ADMIN)
			.header("Sec-Fetch-Site", "cross-site")).andExpect(status().isForbidden());
		this.mvc.perform(multipart("/api/submissions").file(file("gia-mao.csv", new byte[] { 1 }))
			.with(LONG_BIEN)
			.header("Origin", "https://evil.example")).andExpect(status().isForbidden());
		try (var stream = Files.list(this.input)) {
			assertThat(stream).isEmpty();
		}
	}

	@Test
	void aFileOverTheSizeLimitIsRefused() throws Exception {
		this.mvc.perform(multipart("/api/submissions").file(file("big.csv", new byte[65 * 1024])).with(LONG_BIEN))
			.andExpect(status().isPayloadTooLarge());
		try (var stream = Files.list(this.input)) {
			assertThat(stream).isEmpty();
		}
	}

	private static MockMultipartFile file(String name, byte[] content) {
		return new MockMultipartFile("file", name, "application/octet-stream", content);
	}

	/** An OpenDocument spreadsheet: a zip, but not a workbook the readers take. */
	private static byte[] ods() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			zip.putNextEntry(new ZipEntry("mimetype"));
			zip.write("application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII));
			zip.putNextEntry(new ZipEntry("content.xml"));
			zip.write("<office:document-content/>".getBytes(StandardCharsets.UTF_8));
			zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
			zip.write("<manifest:manifest/>".getBytes(StandardCharsets.UTF_8));
		}
		return bytes.toByteArray();
	}

}
