package vn.tonghop.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The {@code links} of a submission: paths of related resources by relation name, with the
 * district's report and workbook once the file has been processed.
 */
@Component
class SubmissionLinks {

	static final String SUBMISSIONS = "/api/submissions/";

	Map<String, String> of(long id, boolean reported) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", SUBMISSIONS + id);
		links.put("problems", SUBMISSIONS + id + "/problems");
		if (reported) {
			links.put("report", SUBMISSIONS + id + "/report.json");
			links.put("workbook", SUBMISSIONS + id + "/workbook");
		}
		return links;
	}

}
