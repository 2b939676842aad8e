package vn.tonghop.api;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

/**
 * The {@code links} of a submission: paths of related resources by relation name. Further
 * downloads of a submission (its district report, its annotated workbook) get their relation here.
 */
@Component
class SubmissionLinks {

	static final String SUBMISSIONS = "/api/submissions/";

	Map<String, String> of(long id) {
		Map<String, String> links = new LinkedHashMap<>();
		links.put("self", SUBMISSIONS + id);
		links.put("problems", SUBMISSIONS + id + "/problems");
		return links;
	}

}
