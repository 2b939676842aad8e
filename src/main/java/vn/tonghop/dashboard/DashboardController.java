package vn.tonghop.dashboard;

import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

import vn.tonghop.api.ConferenceRow;

/** The read-only dashboard: a conference's provinces, then a province's units and missing reporters. */
@Controller
class DashboardController {

	private final DashboardPages pages;

	DashboardController(DashboardPages pages) {
		this.pages = pages;
	}

	@GetMapping("/")
	String home() {
		return "redirect:/dashboard";
	}

	/** The conference picked in the form, or else the newest one. */
	@GetMapping("/dashboard")
	ModelAndView dashboard(@RequestParam(required = false) String conference) {
		if (conference != null && !conference.isBlank()) {
			return redirectTo(conference);
		}
		List<ConferenceRow> conferences = this.pages.conferences();
		if (conferences.isEmpty()) {
			return new ModelAndView("dashboard/empty");
		}
		return redirectTo(conferences.get(0).code());
	}

	@GetMapping("/dashboard/{conference}")
	ModelAndView conference(@PathVariable String conference) {
		return this.pages.conference(conference)
			.map(page -> new ModelAndView("dashboard/conference", Map.of("page", page)))
			.orElseGet(() -> notFound("Không có hội nghị " + conference + "."));
	}

	@GetMapping("/dashboard/{conference}/provinces/{province}")
	ModelAndView province(@PathVariable String conference, @PathVariable String province) {
		return this.pages.province(conference, province)
			.map(page -> new ModelAndView("dashboard/province", Map.of("page", page)))
			.orElseGet(() -> notFound("Không có tỉnh " + province + " trong hội nghị " + conference + "."));
	}

	private static ModelAndView redirectTo(String conference) {
		return new ModelAndView("redirect:" + UriComponentsBuilder.fromPath("/dashboard/{conference}")
			.buildAndExpand(conference)
			.encode()
			.toUriString());
	}

	private static ModelAndView notFound(String message) {
		return new ModelAndView("dashboard/not-found", Map.of("message", message), HttpStatus.NOT_FOUND);
	}

}
