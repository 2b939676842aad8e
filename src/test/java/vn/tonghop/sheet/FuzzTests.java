package vn.tonghop.sheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.slf4j.LoggerFactory;

import vn.tonghop.validate.Problem;
import vn.tonghop.validate.Rule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Valid submissions, damaged at random: whatever the bytes, reading ends in a table, an
 * unreadable file with a known rule, or no table; never another exception, never a hang.
 */
class FuzzTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Logger POI = (Logger) LoggerFactory.getLogger("org.apache.poi");

	private static final String[] HEADER = { "STT", "Tên điểm cầu", "Cấp điểm cầu", "Số đảng viên tham dự",
			"Số người khác tham dự" };

	/** POI logs every damaged part it meets at ERROR: thousands of stack traces, nothing to learn. */
	@BeforeContainer
	static void quietPoi() {
		POI.setLevel(Level.OFF);
	}

	@AfterContainer
	static void poiAsBefore() {
		POI.setLevel(null);
	}

	@Property(tries = 200)
	void damagedXlsx(@ForAll("xlsx") byte[] submission, @ForAll("mutations") List<Mutation> mutations) {
		assertReadEndsWell(Mutation.applyAll(submission, mutations), ".xlsx");
	}

	@Property(tries = 200)
	void xlsxWithADamagedPart(@ForAll("xlsx") byte[] submission, @ForAll @IntRange(min = 0, max = 20) int part,
			@ForAll("mutations") List<Mutation> mutations) {
		Map<String, byte[]> entries = HostileFiles.unzip(submission);
		String name = new ArrayList<>(entries.keySet()).get(part % entries.size());
		entries.put(name, Mutation.applyAll(entries.get(name), mutations));

		assertReadEndsWell(HostileFiles.zip(entries), ".xlsx");
	}

	@Property(tries = 200)
	void damagedXls(@ForAll("xls") byte[] submission, @ForAll("mutations") List<Mutation> mutations) {
		assertReadEndsWell(Mutation.applyAll(submission, mutations), ".xls");
	}

	@Property(tries = 200)
	void damagedCsv(@ForAll("csv") byte[] submission, @ForAll("mutations") List<Mutation> mutations) {
		assertReadEndsWell(Mutation.applyAll(submission, mutations), ".csv");
	}

	private static void assertReadEndsWell(byte[] bytes, String extension) {
		Path file = write(bytes, extension);
		try {
			assertTimeoutPreemptively(TIMEOUT, () -> {
				try {
					RecognizedTable table = TableRecognizer.read(file, (row) -> {
					});
					assertThat(table.sheet()).isNotNull();
				}
				catch (UnreadableFileException ex) {
					// The rejection must be one SubmissionProcessor can record: a known rule, its arguments.
					Problem problem = Problem.ofFile(Rule.byCode(ex.reason()), ex.arguments().toArray());
					assertThat(problem.messageEn()).doesNotContain("%s");
					assertThat(ex.getMessage()).startsWith(file.getFileName() + ": ");
				}
				catch (NoTableException ex) {
					assertThat(ex.getMessage()).startsWith("No table found");
				}
			});
		}
		finally {
			delete(file);
		}
	}

	@Provide
	Arbitrary<byte[]> xlsx() {
		return points().map((points) -> workbook(new XSSFWorkbook(), points));
	}

	@Provide
	Arbitrary<byte[]> xls() {
		return points().map((points) -> workbook(new HSSFWorkbook(), points));
	}

	@Provide
	Arbitrary<byte[]> csv() {
		return points().map((points) -> {
			StringBuilder csv = new StringBuilder("Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n")
				.append(String.join(";", HEADER))
				.append('\n');
			for (int i = 0; i < points.size(); i++) {
				Point point = points.get(i);
				csv.append(i + 1).append(";\"").append(point.name().replace("\"", "\"\"")).append("\";").append(point.level())
					.append(';').append(point.members()).append(';').append(point.others()).append('\n');
			}
			return csv.toString().getBytes(StandardCharsets.UTF_8);
		});
	}

	@Provide
	Arbitrary<List<Mutation>> mutations() {
		Arbitrary<Mutation> mutation = Combinators
			.combine(Arbitraries.of(Mutation.Kind.class), Arbitraries.doubles().between(0, 1),
					Arbitraries.doubles().between(0, 1), Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64))
			.as(Mutation::new);
		return mutation.list().ofMinSize(1).ofMaxSize(4);
	}

	private static Arbitrary<List<Point>> points() {
		Arbitrary<String> names = Arbitraries.strings()
			.withChars("aăâbcdđeêghiklmnoôơpqrstuưvxyàảãáạ ;,\"\n")
			.ofMinLength(1)
			.ofMaxLength(30);
		Arbitrary<Point> point = Combinators
			.combine(names, Arbitraries.of("Phường", "Xã", "Quận", "Chi bộ"), Arbitraries.integers().between(0, 5000),
					Arbitraries.integers().between(0, 5000))
			.as(Point::new);
		return point.list().ofMinSize(1).ofMaxSize(8);
	}

	private static byte[] workbook(Workbook workbook, List<Point> points) {
		try (workbook; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Báo cáo");
			sheet.createRow(0).createCell(0).setCellValue("Đơn vị báo cáo: Quận ủy Long Biên");
			sheet.createRow(1).createCell(0).setCellValue("Hội nghị: NQDH13");
			Row header = sheet.createRow(3);
			for (int c = 0; c < HEADER.length; c++) {
				header.createCell(c).setCellValue(HEADER[c]);
			}
			for (int i = 0; i < points.size(); i++) {
				Row row = sheet.createRow(4 + i);
				Point point = points.get(i);
				row.createCell(0).setCellValue(i + 1);
				row.createCell(1).setCellValue(point.name());
				row.createCell(2).setCellValue(point.level());
				row.createCell(3).setCellValue(point.members());
				row.createCell(4).setCellValue(point.others());
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static Path write(byte[] bytes, String extension) {
		try {
			return Files.write(Files.createTempFile("fuzz", extension), bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void delete(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	record Point(String name, String level, int members, int others) {
	}

	/**
	 * One change to a file's bytes. Where and how much are fractions of the current length, so a
	 * mutation applies to any file.
	 */
	record Mutation(Kind kind, double at, double extent, byte[] bytes) {

		enum Kind {

			FLIP, TRUNCATE, INSERT, DUPLICATE, OVERWRITE

		}

		static byte[] applyAll(byte[] bytes, List<Mutation> mutations) {
			byte[] result = bytes;
			for (Mutation mutation : mutations) {
				result = mutation.apply(result);
			}
			return result;
		}

		byte[] apply(byte[] input) {
			int at = (int) (this.at * input.length);
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			switch (this.kind) {
				case FLIP -> {
					byte[] copy = input.clone();
					if (copy.length > 0) {
						copy[Math.min(at, copy.length - 1)] ^= (byte) (1 << (this.bytes[0] & 7));
					}
					return copy;
				}
				case TRUNCATE -> {
					return Arrays.copyOf(input, at);
				}
				case INSERT -> {
					out.write(input, 0, at);
					out.writeBytes(this.bytes);
					out.write(input, at, input.length - at);
				}
				case DUPLICATE -> {
					int length = (int) (this.extent * Math.min(input.length - at, 4096));
					out.write(input, 0, at + length);
					out.write(input, at, input.length - at);
				}
				case OVERWRITE -> {
					byte[] copy = input.clone();
					for (int i = 0; i < this.bytes.length && at + i < copy.length; i++) {
						copy[at + i] = this.bytes[i];
					}
					return copy;
				}
			}
			return out.toByteArray();
		}

	}

}
