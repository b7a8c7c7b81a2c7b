package io.srs.core.lifecycle;

/** A component that is started and stopped once (Jetty's shape). */
public interface LifeCycle extends AutoCloseable {

  /** The states of a component; {@link AbstractLifeCycle} checks every move. */
  enum State {
    STOPPED,
    STARTING,
    STARTED,
    STOPPING,
    FAILED
  }

  void start() throws Exception;

  void stop() throws Exception;

  State state();

  @Override
  default void close() throws Exception {
    stop();
  }
}
