package vn.tonghop.admin;

import java.util.List;

/** A window of the points a load added, removed or changed, and how many it changed in all. */
public record PointWindow(List<PointChange> points, long total) {
}
