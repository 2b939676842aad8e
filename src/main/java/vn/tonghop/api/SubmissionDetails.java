package vn.tonghop.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/** A submission with its stored problems, in the order they were found. */
record SubmissionDetails(@JsonUnwrapped SubmissionRow submission, List<ProblemRow> problems) {
}
