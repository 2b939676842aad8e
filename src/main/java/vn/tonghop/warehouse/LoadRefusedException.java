package vn.tonghop.warehouse;

import java.sql.SQLException;
import java.util.function.LongToIntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * The database refused a file's rows: a data exception (SQLSTATE class 22) or a CHECK constraint
 * (23514) that the checks before the load did not foresee. A verdict on the file, unlike
 * {@link StagingFailedException}: the caller takes the file's rows back and rejects it. Any other
 * failure (a lost connection, a deadlock) is none of this.
 */
public final class LoadRefusedException extends RuntimeException {

	/** How PostgreSQL names the COPY row it failed on, in the error's context. */
	private static final Pattern COPY_LINE = Pattern.compile("COPY \\w+, line (\\d+)");

	private final String sqlState;

	private final String reason;

	private final int sourceRow;

	private LoadRefusedException(String sqlState, String reason, int sourceRow, SQLException cause) {
		super("The database refused the rows: " + reason, cause);
		this.sqlState = sqlState;
		this.reason = reason;
		this.sourceRow = sourceRow;
	}

	/**
	 * The refusal a failure is, or {@code otherwise} when it is none.
	 * @param failure what a statement or a COPY threw; its causes are looked through
	 * @param sourceRowOfLine the file's row for the COPY's n-th row, for a failure that names one
	 * @param otherwise what to throw for any other failure
	 */
	static RuntimeException refusalOr(Throwable failure, LongToIntFunction sourceRowOfLine, RuntimeException otherwise) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof SQLException sql) {
				// Only what the server said: the driver's own 22023 (a value it cannot send) is a bug, not the file's.
				ServerErrorMessage server = (sql instanceof PSQLException psql) ? psql.getServerErrorMessage() : null;
				return (server != null && isRefusal(server.getSQLState())) ? refusal(sql, server, sourceRowOfLine)
						: otherwise;
			}
		}
		return otherwise;
	}

	/** The same for a statement that is no COPY: it names no row. */
	static RuntimeException refusalOr(RuntimeException failure) {
		return refusalOr(failure, line -> 0, failure);
	}

	private static boolean isRefusal(String sqlState) {
		return sqlState != null && (sqlState.startsWith("22") || sqlState.equals("23514"));
	}

	private static LoadRefusedException refusal(SQLException sql, ServerErrorMessage server,
			LongToIntFunction sourceRowOfLine) {
		Matcher line = COPY_LINE.matcher(server.getWhere() != null ? server.getWhere() : "");
		return new LoadRefusedException(server.getSQLState(), server.getMessage(),
				line.find() ? sourceRowOfLine.applyAsInt(Long.parseLong(line.group(1))) : 0, sql);
	}

	/** The SQLSTATE, such as 22003 or 23514. */
	public String sqlState() {
		return this.sqlState;
	}

	/** The database's message as the server wrote it, without its context. */
	public String reason() {
		return this.reason;
	}

	/**
	 * What kind of refusal it is, in Vietnamese, for a district's message: the database's own words,
	 * quoted beside it, are in the server's language, English unless it is set otherwise.
	 */
	public String kindInVietnamese() {
		return switch (this.sqlState) {
			case "22003" -> "một số vượt quá giới hạn của kho dữ liệu";
			case "22001" -> "một đoạn văn bản dài quá mức kho dữ liệu nhận";
			case "22021" -> "văn bản có ký tự không hợp lệ";
			case "22P05" -> "văn bản có ký tự không lưu được";
			case "22007", "22008" -> "một ngày tháng không hợp lệ";
			case "22P02" -> "một giá trị không đúng kiểu dữ liệu";
			case "22004" -> "thiếu một giá trị bắt buộc";
			case "23514" -> "số liệu vi phạm một ràng buộc kiểm tra của kho dữ liệu";
			default -> "số liệu không hợp lệ với kho dữ liệu";
		};
	}

	/** The file's row the database failed on, as Excel numbers it, or 0 when it named none. */
	public int sourceRow() {
		return this.sourceRow;
	}

}
