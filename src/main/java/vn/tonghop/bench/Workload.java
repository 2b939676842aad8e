package vn.tonghop.bench;

/** What the bench runs; W2 brings its floor and baseline, W3 needs W1 and runs it first. */
public enum Workload {

	W1, W2, W3, Q, ALL

}
