package io.srs.sip.testing;

import io.srs.sip.handler.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose tasks run only when the test says time has passed. */
public final class ManualScheduler implements Scheduler {
  /** Identity matters: two equal delays with equal tasks are still two tasks. */
  private static final class Task {
    private final Duration delay;
    private final Runnable task;

    Task(Duration delay, Runnable task) {
      this.delay = delay;
      this.task = task;
    }

    Duration delay() {
      return delay;
    }

    Runnable task() {
      return task;
    }
  }

  private final List<Task> tasks = new ArrayList<>();
  private final List<Task> cancelled = new ArrayList<>();

  @Override
  public synchronized Cancel schedule(Duration delay, Runnable task) {
    Task scheduled = new Task(delay, task);
    tasks.add(scheduled);
    return () -> cancel(scheduled);
  }

  private synchronized void cancel(Task task) {
    if (tasks.remove(task)) {
      cancelled.add(task);
    }
  }

  /** Runs the tasks cancelled so far, as if each had started just before its cancel(). */
  public void runCancelled() {
    List<Task> late;
    synchronized (this) {
      late = List.copyOf(cancelled);
      cancelled.clear();
    }
    late.forEach(t -> t.task().run());
  }

  public synchronized List<Duration> delays() {
    return tasks.stream().map(Task::delay).toList();
  }

  /** Runs every task scheduled so far. */
  public void elapse() {
    List<Task> due;
    synchronized (this) {
      due = List.copyOf(tasks);
      tasks.clear();
    }
    due.forEach(t -> t.task().run());
  }
}
