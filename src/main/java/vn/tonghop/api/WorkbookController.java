package vn.tonghop.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.tonghop.report.ConsolidatedReport;
import vn.tonghop.report.SubmissionTemplate;

/**
 * The generated workbooks. Each is written in memory before the first byte is sent, so an unknown
 * conference, province or unit is still a clean 404 rather than a broken download.
 */
@Tag(name = "Workbooks")
@RestController
class WorkbookController {

	private final ConsolidatedReport report;

	private final SubmissionTemplate template;

	WorkbookController(ConsolidatedReport report, SubmissionTemplate template) {
		this.report = report;
		this.template = template;
	}

	@Operation(summary = "The consolidated report of a conference (every province in scope, or one)")
	@GetMapping(path = "/api/conferences/{code}/report.xlsx", produces = ApiMediaTypes.XLSX)
	ResponseEntity<byte[]> report(@PathVariable String code,
			@Parameter(description = "only this province") @RequestParam(required = false) String province)
			throws IOException {
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		this.report.write(code, province, workbook);
		return download(workbook, "tong-hop-" + code + (province != null ? "-" + province : "") + ".xlsx");
	}

	@Operation(summary = "A blank submission pre-filled for a unit and a conference")
	@GetMapping(path = "/api/templates/{unit}/{conference}.xlsx", produces = ApiMediaTypes.XLSX)
	ResponseEntity<byte[]> template(@PathVariable String unit, @PathVariable String conference) throws IOException {
		ByteArrayOutputStream workbook = new ByteArrayOutputStream();
		this.template.write(unit, conference, workbook);
		return download(workbook, "mau-bao-cao-" + unit + "-" + conference + ".xlsx");
	}

	private static ResponseEntity<byte[]> download(ByteArrayOutputStream workbook, String fileName) {
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(ApiMediaTypes.XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION, Attachments.contentDisposition(fileName))
			.body(workbook.toByteArray());
	}

}
