package vn.tonghop.examples;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.jdbc.core.JdbcTemplate;

import vn.tonghop.units.ReferenceFiles;

/**
 * Fixtures shared by tests: the shipped examples, small generated submissions, a clean database with or without
 * the shipped reference data.
 */
public final class ExampleFiles {

	private ExampleFiles() {
	}

	/** Copies input/ (the shipped example submissions) into a test's drop folder. */
	public static void copyExamples(Path target) throws IOException {
		Path source = Path.of("input");
		try (Stream<Path> files = Files.walk(source)) {
			for (Path file : files.filter(Files::isRegularFile).toList()) {
				Path copy = target.resolve(source.relativize(file).toString());
				Files.createDirectories(copy.getParent());
				Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
			}
		}
	}

	/** A Long Biên submission (semicolon CSV) with one grassroots point of 100 members per ward named. */
	public static String longBienCsv(List<String> wards) {
		StringBuilder csv = new StringBuilder("Đơn vị báo cáo;Quận ủy Long Biên\nHội nghị;NQDH13\n\n"
				+ "STT;Tên điểm cầu;Cấp điểm cầu;Đơn vị chủ trì;Số đảng viên tham dự;Số người khác tham dự\n");
		int row = 1;
		for (String ward : wards) {
			csv.append(row++).append(';').append(ward).append(";Phường;").append(ward).append(";100;0\n");
		}
		csv.append(";Tổng cộng;;;").append(100 * wards.size()).append(";0\n");
		return csv.toString();
	}

	/**
	 * A Vietnamese file name of exactly {@code bytes} UTF-8 bytes ending with {@code ending}: Linux
	 * allows 255 bytes, which is fewer than 255 letters when most take two or three.
	 */
	public static String longName(int bytes, String ending) {
		String words = "báo-cáo-kết-quả-học-tập-quán-triệt-nghị-quyết-đại-hội-đảng-bộ-quận-long-biên-lần-thứ-xiii-"
				+ "nhiệm-kỳ-2020-2025-tại-các-điểm-cầu-phường-bồ-đề-cự-khối-gia-thụy-đức-giang-việt-hưng-";
		int room = bytes - utf8(ending);
		StringBuilder name = new StringBuilder();
		for (int i = 0; utf8(name + words.substring(i % words.length(), i % words.length() + 1)) <= room; i++) {
			name.append(words.charAt(i % words.length()));
		}
		name.append("-".repeat(room - utf8(name.toString())));
		return name + ending;
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	/**
	 * Empties everything a run writes, so each test starts from the same state. The record of imported
	 * reference files goes with the units and conferences: a start-up import must not take the emptied
	 * tables for imported.
	 */
	public static void clean(JdbcTemplate jdbc) {
		jdbc.execute("TRUNCATE warehouse.participation, warehouse.unit_coverage, tonghop.submission_problem, "
				+ "tonghop.submission_report, tonghop.intake_log, tonghop.seen_file, tonghop.submission, tonghop.unit, "
				+ "tonghop.conference, tonghop.reference_file, tonghop.unit_conversion, tonghop.submission_change_point, "
				+ "tonghop.submission_change, tonghop.processing");
	}

	/**
	 * Empties the database and imports the shipped reference data (jobs/reference), so a test starts from
	 * the units and conferences a fresh installation has and nothing else.
	 */
	public static void resetToShippedReference(JdbcTemplate jdbc, ReferenceFiles reference) throws IOException {
		clean(jdbc);
		reference.importAll(Path.of("jobs", "reference"));
	}

}
