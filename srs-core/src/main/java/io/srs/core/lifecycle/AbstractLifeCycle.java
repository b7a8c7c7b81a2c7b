package io.srs.core.lifecycle;

/**
 * Final, idempotent {@link #start()} and {@link #stop()} around {@link #doStart()} and {@link
 * #doStop()}; a throw from either leaves the component FAILED. Subclasses only implement the two
 * hooks.
 */
public abstract class AbstractLifeCycle implements LifeCycle {
  private State state = State.STOPPED;

  @Override
  public final synchronized void start() throws Exception {
    if (state == State.STARTED) {
      return;
    }
    if (state != State.STOPPED) {
      throw new IllegalStateException(this + " cannot start from " + state);
    }
    state = State.STARTING;
    try {
      doStart();
      state = State.STARTED;
    } catch (Exception | Error e) {
      state = State.FAILED;
      try {
        doStop();
      } catch (Exception suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  @Override
  public final synchronized void stop() throws Exception {
    if (state == State.STOPPED) {
      return;
    }
    state = State.STOPPING;
    try {
      doStop();
      state = State.STOPPED;
    } catch (Exception | Error e) {
      state = State.FAILED;
      throw e;
    }
  }

  @Override
  public final synchronized State state() {
    return state;
  }

  protected abstract void doStart() throws Exception;

  protected abstract void doStop() throws Exception;
}
