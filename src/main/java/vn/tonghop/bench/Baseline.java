package vn.tonghop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.UUID;

import javax.sql.DataSource;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.database.JdbcBatchItemWriter;
import org.springframework.batch.infrastructure.item.database.builder.JdbcBatchItemWriterBuilder;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.AttributesImpl;

import vn.tonghop.normalize.PointLevel;

/**
 * What a Spring Batch user would write first: a streaming spreadsheet ItemReader, a
 * JdbcBatchItemWriter into a copy of the warehouse table and a chunk step with the JDBC transaction manager.
 * spring-batch-excel (0.1.x) is built on Batch 5's org.springframework.batch.item packages, which
 * Batch 6 moved, so it cannot load here; {@link StreamingSheetReader} is the same design as its
 * StreamingXlsxItemReader: the sheet's StAX events fed to POI's XSSFSheetXMLHandler, each cell's
 * value as POI's DataFormatter shows it, a row mapper, lines to skip.
 */
final class Baseline {

	static final String CONFERENCE = "BENCH-BASE";

	private static final int CHUNK = 1_000;

	private Baseline() {
	}

	/**
	 * The baseline's table: warehouse.participation's columns, checks and indexes, without V11's
	 * statement triggers. They append a summary row per statement, nothing to our set-based loads but
	 * a row for each of the baseline's million one-row INSERTs; with them the ratio would measure the
	 * triggers, not the two pipelines.
	 */
	static final String TABLE = "public.bench_baseline";

	/** @return the rows written */
	static long load(Path file, DataSource dataSource, JobRepository jobRepository, JobOperator jobOperator) {
		new JdbcTemplate(dataSource).execute("CREATE TABLE " + TABLE + " (LIKE warehouse.participation INCLUDING ALL)");
		JdbcBatchItemWriter<Point> writer = new JdbcBatchItemWriterBuilder<Point>().dataSource(dataSource)
			.sql("INSERT INTO " + TABLE + " (conference_code, province_code, reporting_unit_code, "
					+ "host_unit_code, point_name, point_level, format, session_date, members_attending, "
					+ "others_attending, participants, submission_id, source_row) "
					+ "VALUES (?, ?, ?, ?, ?, ?, 'online', ?, ?, ?, ?, 0, ?)")
			.itemPreparedStatementSetter((point, statement) -> {
				statement.setString(1, CONFERENCE);
				statement.setString(2, SubmissionFiles.HUGE_UNIT);
				statement.setString(3, SubmissionFiles.HUGE_UNIT);
				statement.setString(4, point.host());
				statement.setString(5, point.name());
				statement.setString(6, point.level());
				statement.setDate(7, Date.valueOf(LocalDate.of(2026, 2, 10)));
				statement.setInt(8, point.members());
				statement.setInt(9, point.others());
				statement.setInt(10, point.members() + point.others());
				statement.setInt(11, point.row());
			})
			.build();
		writer.afterPropertiesSet();
		StreamingSheetReader reader = new StreamingSheetReader(file);
		Step step = new StepBuilder("bench-baseline-load", jobRepository).<Point, Point>chunk(CHUNK)
			.transactionManager(new JdbcTransactionManager(dataSource))
			.reader(reader)
			.writer(writer)
			.build();
		Job job = new JobBuilder("bench-baseline", jobRepository).start(step).build();
		JobExecution execution;
		try {
			execution = jobOperator.start(job,
					new JobParametersBuilder().addString("run", UUID.randomUUID().toString()).toJobParameters());
		}
		catch (JobExecutionAlreadyRunningException | JobRestartException | JobInstanceAlreadyCompleteException
				| InvalidJobParametersException ex) {
			throw new BenchFailedException("The baseline job could not start: " + ex.getMessage());
		}
		if (execution.getStatus() != BatchStatus.COMPLETED) {
			throw new BenchFailedException("The baseline job ended " + execution.getStatus() + ": "
					+ execution.getAllFailureExceptions());
		}
		return execution.getStepExecutions().iterator().next().getWriteCount();
	}

	/** A point as the baseline maps it: the level text is stored as the code the checks would give. */
	record Point(int row, String name, String level, String host, int members, int others) {
	}

	/** A pull-style .xlsx reader: the first sheet's XML through StAX, one point row per read. */
	static final class StreamingSheetReader extends AbstractItemCountingItemStreamItemReader<Point> {

		private final Path file;

		private final RowValues values = new RowValues();

		private OPCPackage pkg;

		private InputStream sheet;

		private XMLStreamReader xml;

		private XSSFSheetXMLHandler handler;

		StreamingSheetReader(Path file) {
			this.file = file;
			setName("bench-baseline-reader");
			setSaveState(false);
		}

		@Override
		protected void doOpen() throws IOException, OpenXML4JException, XMLStreamException {
			this.pkg = OPCPackage.open(this.file.toFile(), PackageAccess.READ);
			XSSFReader reader = new XSSFReader(this.pkg);
			this.handler = new XSSFSheetXMLHandler(reader.getStylesTable(), reader.getSharedStringsTable(), this.values,
					new DataFormatter(), false);
			this.sheet = reader.getSheetsData().next();
			this.xml = XMLInputFactory.newInstance().createXMLStreamReader(this.sheet);
		}

		/** Feeds the sheet's StAX events to POI's SAX handler, a row at a time, as spring-batch-excel does. */
		@Override
		protected Point doRead() throws XMLStreamException, SAXException {
			while (this.xml.hasNext()) {
				int event = this.xml.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					this.handler.startElement(null, this.xml.getLocalName(), null, attributes(this.xml));
				}
				else if (event == XMLStreamConstants.CHARACTERS) {
					this.handler.characters(this.xml.getTextCharacters(), this.xml.getTextStart(), this.xml.getTextLength());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					this.handler.endElement(null, this.xml.getLocalName(), null);
					String[] cells = this.values.cells;
					if ("row".equals(this.xml.getLocalName()) && !cells[0].isEmpty()
							&& Character.isDigit(cells[0].charAt(0))) {
						// Lines before the header and the totals row have no number in column A.
						return new Point(this.values.row, cells[1], level(cells[2]), cells[3],
								(int) Double.parseDouble(cells[6]), cells[7].isEmpty() ? 0 : (int) Double.parseDouble(cells[7]));
					}
				}
			}
			return null;
		}

		@Override
		protected void doClose() throws IOException, XMLStreamException {
			if (this.xml != null) {
				this.xml.close();
			}
			if (this.sheet != null) {
				this.sheet.close();
			}
			if (this.pkg != null) {
				this.pkg.revert();
			}
		}

		private static Attributes attributes(XMLStreamReader xml) {
			AttributesImpl attributes = new AttributesImpl();
			for (int i = 0; i < xml.getAttributeCount(); i++) {
				String name = xml.getAttributeLocalName(i);
				attributes.addAttribute("", name, name, "CDATA", xml.getAttributeValue(i));
			}
			return attributes;
		}

		private static String level(String text) {
			return PointLevel.parse(text).map(PointLevel::code).orElse("cell");
		}

	}

	/** A row's cells as POI's DataFormatter shows them, blank where the row has none. */
	private static final class RowValues implements XSSFSheetXMLHandler.SheetContentsHandler {

		private final String[] cells = new String[SubmissionFiles.FULL_COLUMNS];

		private int row;

		@Override
		public void startRow(int rowNum) {
			this.row = rowNum + 1;
			Arrays.fill(this.cells, "");
		}

		@Override
		public void endRow(int rowNum) {
		}

		@Override
		public void cell(String reference, String formattedValue, XSSFComment comment) {
			int column = new CellReference(reference).getCol();
			if (column < this.cells.length) {
				this.cells[column] = formattedValue;
			}
		}

	}

}
