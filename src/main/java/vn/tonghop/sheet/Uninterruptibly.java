package vn.tonghop.sheet;

import java.util.concurrent.BlockingQueue;

/**
 * Waits that an interrupt does not end, as reading a file on one thread does not end on one: the
 * interrupt flag is kept for whoever looks at it after. For the threads that read ahead.
 */
final class Uninterruptibly {

	private Uninterruptibly() {
	}

	static <E> E take(BlockingQueue<E> queue) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return queue.take();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			restore(interrupted);
		}
	}

	static <E> void put(BlockingQueue<E> queue, E element) {
		boolean interrupted = false;
		try {
			while (true) {
				try {
					queue.put(element);
					return;
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			restore(interrupted);
		}
	}

	static void join(Thread thread) {
		boolean interrupted = false;
		try {
			while (thread.isAlive()) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		finally {
			restore(interrupted);
		}
	}

	private static void restore(boolean interrupted) {
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

}
