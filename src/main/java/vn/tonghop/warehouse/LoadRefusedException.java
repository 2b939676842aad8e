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

	/**
	 * How PostgreSQL names the COPY row it failed on, in the error's context, and the column when
	 * the failure was reading one of its fields.
	 */
	private static final Pattern COPY_LINE = Pattern.compile("COPY (\\w+), line (\\d+)(?:, column (\\w+))?");

	/**
	 * The last value of the row a constraint of warehouse.participation refused, as the error's detail
	 * gives it ("Failing row contains (…, 6)."): source_row, the table's last column.
	 */
	private static final Pattern FAILING_ROW = Pattern.compile("^Failing row contains \\(.*, (\\d+)\\)\\.?$", Pattern.DOTALL);

	private final String sqlState;

	private final String reason;

	private final int sourceRow;

	private final String column;

	private final String schema;

	private final String table;

	private final String constraint;

	private LoadRefusedException(ServerErrorMessage server, String table, int sourceRow, String column,
			SQLException cause) {
		super("The database refused the rows: " + server.getMessage(), cause);
		this.sqlState = server.getSQLState();
		this.reason = server.getMessage();
		this.sourceRow = sourceRow;
		this.column = column;
		this.schema = server.getSchema();
		this.table = table;
		this.constraint = server.getConstraint();
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
		boolean copied = line.find();
		int sourceRow = copied ? sourceRowOfLine.applyAsInt(Long.parseLong(line.group(2))) : failingSourceRow(server);
		String column = (copied && line.group(3) != null) ? line.group(3) : server.getColumn();
		String table = (server.getTable() == null && copied) ? line.group(1) : server.getTable();
		return new LoadRefusedException(server, table, sourceRow, column, sql);
	}

	/**
	 * The file's row of the row a statement placing staged rows failed on: no COPY line names it, but a
	 * constraint's error shows the failing row, which holds it.
	 */
	private static int failingSourceRow(ServerErrorMessage server) {
		if (!"participation".equals(server.getTable()) || server.getDetail() == null) {
			return 0;
		}
		Matcher failing = FAILING_ROW.matcher(server.getDetail());
		return failing.matches() ? Integer.parseInt(failing.group(1)) : 0;
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

	/** The column the database named, or null: see {@link WarehouseLoader#refusedField}. */
	String column() {
		return this.column;
	}

	/** The schema of the table the database named, or null. */
	String schema() {
		return this.schema;
	}

	/** The table the database named, or the COPY's, or null. */
	String table() {
		return this.table;
	}

	String constraint() {
		return this.constraint;
	}

}
