package vn.tonghop.warehouse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The role analysts' own tools connect with reads the warehouse schema and nothing else. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class WarehouseAnalystRoleTests {

	static final String LOGIN = "analyst_tool_test";

	static final String PASSWORD = "analyst-tool-secret";

	/** PostgreSQL's code for "permission denied". */
	static final String INSUFFICIENT_PRIVILEGE = "42501";

	@Autowired
	JdbcTemplate jdbc;

	String url;

	@BeforeEach
	void createLoginInTheAnalystRole() {
		this.url = this.jdbc.execute((ConnectionCallback<String>) connection -> connection.getMetaData().getURL());
		this.jdbc.execute("DROP ROLE IF EXISTS " + LOGIN);
		this.jdbc.execute("CREATE ROLE " + LOGIN + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE warehouse_analyst");
	}

	@AfterEach
	void dropLogin() {
		this.jdbc.execute("DROP ROLE IF EXISTS " + LOGIN);
	}

	@Test
	void theWarehouseViewsCanBeRead() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String view : new String[] { "participation", "participation_by_unit", "participation_by_province",
					"completeness" }) {
				statement.executeQuery("SELECT count(*) FROM warehouse." + view).close();
			}
			var current = statement.executeQuery("SELECT current_user");
			current.next();
			assertThat(current.getString(1)).isEqualTo(LOGIN);
		}
	}

	@Test
	void theOperationalSchemasAreDenied() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String table : new String[] { "tonghop.submission", "tonghop.unit", "tonghop.account",
					"batch.batch_job_instance", "quartz.qrtz_triggers" }) {
				assertThatExceptionOfType(SQLException.class).as(table)
					.isThrownBy(() -> statement.executeQuery("SELECT 1 FROM " + table))
					.extracting(SQLException::getSQLState)
					.isEqualTo(INSUFFICIENT_PRIVILEGE);
			}
		}
	}

	@Test
	void theWarehouseCannotBeWritten() throws SQLException {
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			for (String write : new String[] { "DELETE FROM warehouse.participation",
					"INSERT INTO warehouse.participation (conference_code) VALUES ('X')",
					"CREATE TABLE warehouse.mine (x int)" }) {
				assertThatExceptionOfType(SQLException.class).as(write)
					.isThrownBy(() -> statement.executeUpdate(write))
					.extracting(SQLException::getSQLState)
					.isEqualTo(INSUFFICIENT_PRIVILEGE);
			}
		}
	}

	private Connection connect() throws SQLException {
		return DriverManager.getConnection(this.url, LOGIN, PASSWORD);
	}

}
