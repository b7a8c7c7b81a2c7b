package io.srs.sip.testing;

import io.srs.sip.handler.Scheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A scheduler whose tasks run only when the test says time has passed. */
public final class ManualScheduler implements Scheduler {
  private record Task(Duration delay, Runnable task) {}

  private final List<Task> tasks = new ArrayList<>();

  @Override
  public synchronized void schedule(Duration delay, Runnable task) {
    tasks.add(new Task(delay, task));
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
