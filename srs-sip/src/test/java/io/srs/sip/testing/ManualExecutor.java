package io.srs.sip.testing;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;

/** An executor that runs nothing until told to: lets a test put a CANCEL before a decision. */
public final class ManualExecutor implements Executor {
  private final Queue<Runnable> queued = new ArrayDeque<>();

  @Override
  public synchronized void execute(Runnable command) {
    queued.add(command);
  }

  public void runAll() {
    Runnable next;
    while ((next = poll()) != null) {
      next.run();
    }
  }

  private synchronized Runnable poll() {
    return queued.poll();
  }
}
