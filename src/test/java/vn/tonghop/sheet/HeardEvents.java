package vn.tonghop.sheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What a recognizer's listener hears, in order: "point 5", "part 4", "subtotal 7". */
final class HeardEvents implements TableRecognizer.Listener {

	final List<String> heard = new ArrayList<>();

	@Override
	public void tableStarts(String sheet, Map<Label, LabelledCell> labelsAbove, Map<Field, Integer> columns) {
	}

	@Override
	public void point(PointRow row) {
		this.heard.add("point " + row.number());
	}

	@Override
	public void part(PointRow heading) {
		this.heard.add("part " + heading.number());
	}

	@Override
	public void subtotal(PointRow row) {
		this.heard.add("subtotal " + row.number());
	}

}
