package vn.tonghop.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.tonghop.TonghopApplication;
import vn.tonghop.examples.ExampleFiles;
import vn.tonghop.sheet.HostileFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The "done when": one ingest, in a JVM of 256 MB, over a folder of good, bad and hostile
 * files. The run completes, exactly the good files are loaded, every file is named in the
 * summary with its own reason, and nothing is fetched from the network.
 */
class HostileFolderProcessTests {

	@TempDir
	Path work;

	@Test
	void mixedFolderUnder256Megabytes() throws Exception {
		AtomicInteger requests = new AtomicInteger();
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			requests.incrementAndGet();
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
		});
		server.start();
		try (EmbeddedPostgres database = EmbeddedPostgres.builder().setDataDirectory(this.work.resolve("pg")).start()) {
			// given the shipped examples (two good, one with a wrong totals row) and a hostile file of every kind
			Path input = this.work.resolve("input");
			ExampleFiles.copyExamples(input);
			Map<String, String> expected = hostileFiles(input, "http://127.0.0.1:" + server.getAddress().getPort());
			expected.put("380/thanh-hoa-tp-nqdh13-ban-nhap.csv", "totals-row-mismatch");

			// when
			Result ingest = run(database, "ingest", "--input", input.toString());

			// then the run completes and loads exactly the good files
			assertThat(ingest.exitCode()).as(ingest.output()).isZero();
			assertThat(ingest.output()).contains("accepted 2, accepted with warnings 0, rejected " + expected.size() + ",");
			try (Connection connection = database.getPostgresDatabase().getConnection();
					Statement statement = connection.createStatement()) {
				assertThat(strings(statement, "SELECT source_path FROM tonghop.submission WHERE state = 'accepted' "
						+ "ORDER BY source_path")).containsExactly("004/long-bien-nqdh13.xlsx", "lang-son-khoi-cqt-hntw8.xls");
				assertThat(strings(statement, "SELECT DISTINCT s.source_path FROM warehouse.participation p "
						+ "JOIN tonghop.submission s ON s.id = p.submission_id ORDER BY 1"))
					.containsExactly("004/long-bien-nqdh13.xlsx", "lang-son-khoi-cqt-hntw8.xls");
				Map<String, String> rejected = new HashMap<>();
				try (ResultSet rows = statement.executeQuery("SELECT s.source_path, p.code FROM tonghop.submission s "
						+ "JOIN tonghop.submission_problem p ON p.submission_id = s.id AND p.seq = ("
						+ "SELECT min(seq) FROM tonghop.submission_problem WHERE submission_id = s.id) "
						+ "WHERE s.state = 'rejected'")) {
					while (rows.next()) {
						rejected.put(rows.getString(1), rows.getString(2));
					}
				}
				assertThat(rejected).isEqualTo(expected);
			}
			// every file is named in the summary
			for (String file : expected.keySet()) {
				assertThat(ingest.output()).contains(file);
			}
			assertThat(ingest.output()).contains("004/long-bien-nqdh13.xlsx").contains("lang-son-khoi-cqt-hntw8.xls");
			assertThat(requests).hasValue(0);
		}
		finally {
			server.stop(0);
		}
	}

	/** Writes one hostile file of each kind; returns the rule code each must be rejected with. */
	private static Map<String, String> hostileFiles(Path input, String url) throws IOException {
		Map<String, String> expected = new LinkedHashMap<>();
		put(expected, input, "bomb.xlsx", HostileFiles.zipBomb(50), "file-over-limit");
		put(expected, input, "laughs.xlsx", HostileFiles.xlsxWith(Map.of(HostileFiles.SHARED_STRINGS,
				HostileFiles.utf8("<?xml version=\"1.0\"?>" + HostileFiles.billionLaughs("sst")
						+ "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><si><t>&lol9;</t></si></sst>"))),
				"file-unsafe-xml");
		put(expected, input, "xxe.xlsx", HostileFiles.xlsxWith(Map.of(HostileFiles.SHEET, HostileFiles.utf8(
				HostileFiles.worksheet("<!DOCTYPE worksheet [<!ENTITY % remote SYSTEM \"" + url + "/x.dtd\"> %remote;]>",
						"")))), "file-unsafe-xml");
		put(expected, input, "strings.xlsx",
				HostileFiles.xlsxWith(Map.of(HostileFiles.SHARED_STRINGS, HostileFiles.sharedStrings(500_001, 8))),
				"file-over-limit");
		put(expected, input, "deep.xlsx", HostileFiles.xlsxWith(Map.of(HostileFiles.SHEET,
				HostileFiles.utf8(HostileFiles.worksheet("", "<row>".repeat(5000) + "</row>".repeat(5000))))),
				"file-over-limit");
		put(expected, input, "secret.xlsx", HostileFiles.encryptedXlsx(), "file-encrypted");
		put(expected, input, "secret.xls", HostileFiles.encryptedXls(), "file-encrypted");
		put(expected, input, "noise.xlsx", HostileFiles.randomAfter(new byte[] { 'P', 'K', 3, 4 }, 50_000, 1),
				"file-corrupt");
		put(expected, input, "noise.xls", HostileFiles.randomAfter(new byte[] { (byte) 0xD0, (byte) 0xCF, 0x11,
				(byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 }, 50_000, 2), "file-corrupt");
		byte[] xlsx = HostileFiles.submission(true);
		put(expected, input, "cut.xlsx", Arrays.copyOf(xlsx, xlsx.length / 2), "file-corrupt");
		put(expected, input, "empty.csv", new byte[0], "file-empty");
		put(expected, input, "report.ods", HostileFiles.zip(Map.of("mimetype",
				HostileFiles.utf8("application/vnd.oasis.opendocument.spreadsheet"), "content.xml", new byte[10])),
				"file-format");
		put(expected, input, "web.xls", HostileFiles.utf8("<html><body><table><tr><td>x</td></tr></table></body></html>"),
				"file-format");
		put(expected, input, "excel95.xls", HostileFiles.ole2("Book", HostileFiles.biff5Start()), "file-format");
		put(expected, input, "rows.csv", HostileFiles.utf8("1\n".repeat(1_048_577)), "file-over-limit");
		put(expected, input, "wide.csv", HostileFiles.utf8("a;" + "x".repeat(2_000_000) + "\n"), "file-over-limit");
		// Within every reading limit, but each line kept until the file is read: a part's headings, labels, host units
		String table = "Đơn vị báo cáo;Thành ủy Thanh Hóa\nHội nghị;NQDH13\nSTT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;"
				+ "Số đảng viên tham dự\n1;Hội trường Thành ủy;Thành phố thuộc tỉnh;;350\n;Tổng cộng;;;350\n";
		StringBuilder headings = new StringBuilder(table);
		for (int i = 0; i < 900_000; i++) {
			headings.append("I;Phần ").append(i).append('\n');
		}
		put(expected, input, "380/headings.csv", HostileFiles.utf8(headings.append("2;Phường Đông Thọ;Phường;;5\n").toString()),
				"row-after-table");
		StringBuilder labels = new StringBuilder(table);
		for (int i = 0; i < 900_000; i++) {
			labels.append("Đơn vị báo cáo;Xã ").append(i).append('\n');
		}
		put(expected, input, "380/labels.csv", HostileFiles.utf8(labels.toString()), "file-over-limit");
		StringBuilder hosts = new StringBuilder(table.substring(0, table.indexOf("1;Hội")));
		for (int i = 1; i <= 390_000; i++) {
			hosts.append(i).append(";Điểm ").append(i).append(";Phường;Đảng ủy phường số ").append(i).append(";10\n");
		}
		put(expected, input, "380/hosts.csv", HostileFiles.utf8(hosts.toString()), "file-over-limit");
		Path huge = input.resolve("huge.csv");
		try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
			file.setLength(60L << 20);
		}
		expected.put("huge.csv", "file-too-large");
		return expected;
	}

	private static void put(Map<String, String> expected, Path input, String name, byte[] bytes, String code) {
		HostileFiles.write(input, name, bytes);
		expected.put(name, code);
	}

	private static List<String> strings(Statement statement, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (ResultSet rows = statement.executeQuery(sql)) {
			while (rows.next()) {
				values.add(rows.getString(1));
			}
		}
		return values;
	}

	private Result run(EmbeddedPostgres database, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+ExitOnOutOfMemoryError", "-cp", System.getProperty("java.class.path"),
				TonghopApplication.class.getName()));
		command.addAll(List.of(args));
		Path log = Files.createTempFile(this.work, "out", ".txt");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().put("SPRING_DATASOURCE_URL", "jdbc:postgresql://localhost:" + database.getPort() + "/postgres");
		builder.environment().put("SPRING_DATASOURCE_USERNAME", "postgres");
		builder.environment().put("SPRING_DATASOURCE_PASSWORD", "");
		builder.environment().put("TONGHOP_EMBEDDED_DATA_DIR", this.work.resolve("never-started").toString());
		builder.environment().put("TONGHOP_INTAKE_STABLE_FOR", "0s");
		builder.environment().put("TONGHOP_INTAKE_ARCHIVE", this.work.resolve("archive").toString());
		builder.environment().put("TONGHOP_REFERENCE_DIRECTORY", Path.of("jobs", "reference").toAbsolutePath().toString());
		Process process = builder.start();
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new AssertionError("timed out: " + String.join(" ", args));
		}
		return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
	}

	record Result(int exitCode, String output) {
	}

}
