package io.srs.daemon.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.srs.core.lifecycle.AbstractLifeCycle;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operators' HTTP port: health probes and Prometheus scrapes on the JDK's own server, so no web
 * framework is pulled in for three read-only paths. Only GET and HEAD; exact paths; an unknown path
 * is 404, another method 405 with {@code Allow}; a failing route is a bare 500, never a stack
 * trace. Request bodies are never read.
 */
public final class HttpEndpoint extends AbstractLifeCycle {
  /** Handler threads: probes and scrapes are cheap and rare (seconds apart). */
  static final int THREADS = 2;

  /** Requests waiting for a handler thread; past it the accepting thread answers itself. */
  static final int QUEUE = 16;

  /** Pending TCP connections the kernel holds for us. */
  static final int BACKLOG = 32;

  /**
   * How long stop() lets a request in progress finish. Zero: every reply is computed in full before
   * it is written, and the JDK server would otherwise wait out the whole delay.
   */
  static final int STOP_DELAY_SECONDS = 0;

  /** How long stop() waits for handler threads to finish. */
  static final int STOP_WAIT_SECONDS = 1;

  private static final Logger log = LoggerFactory.getLogger(HttpEndpoint.class);

  private final String bind;
  private final int port;
  private final Map<String, Supplier<HttpReply>> routes;
  private HttpServer server;
  private ThreadPoolExecutor executor;

  /**
   * @param bind an IP address literal
   * @param port the TCP port (0: any free port, see {@link #port()})
   * @param routes exact paths to the reply they produce
   */
  public HttpEndpoint(String bind, int port, Map<String, Supplier<HttpReply>> routes) {
    this.bind = bind;
    this.port = port;
    this.routes = Map.copyOf(routes);
  }

  @Override
  protected void doStart() throws IOException {
    AtomicInteger count = new AtomicInteger();
    executor =
        new ThreadPoolExecutor(
            THREADS,
            THREADS,
            60,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(QUEUE),
            runnable -> {
              Thread thread = new Thread(runnable, "srs-http-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            // A burst beyond the queue slows the dispatcher down instead of failing it.
            new ThreadPoolExecutor.CallerRunsPolicy());
    InetSocketAddress address = new InetSocketAddress(InetAddress.getByName(bind), port);
    try {
      server = HttpServer.create(address, BACKLOG);
    } catch (IOException e) {
      throw new IOException(
          "HTTP port " + bind + ":" + port + " unavailable: " + e.getMessage(), e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  @Override
  protected void doStop() throws InterruptedException {
    if (server != null) {
      server.stop(STOP_DELAY_SECONDS);
    }
    if (executor != null) {
      executor.shutdown();
      executor.awaitTermination(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    }
  }

  /** The port listened on (useful when configured as 0 in tests). */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      HttpReply reply = route(exchange);
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.getResponseHeaders().set("Content-Type", reply.contentType());
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      if (reply.status() == 405) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
      }
      exchange.sendResponseHeaders(reply.status(), head ? -1 : reply.body().length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body());
        }
      }
    }
  }

  private HttpReply route(HttpExchange exchange) {
    Supplier<HttpReply> route = routes.get(exchange.getRequestURI().getPath());
    if (route == null) {
      return HttpReply.text(404, "not found; try " + String.join(", ", routes.keySet()) + "\n");
    }
    String method = exchange.getRequestMethod();
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return HttpReply.text(405, "method " + method + " not allowed; use GET or HEAD\n");
    }
    try {
      return route.get();
    } catch (RuntimeException e) {
      log.warn("HTTP {} failed: {}", exchange.getRequestURI().getPath(), e.toString());
      return HttpReply.text(500, "internal error\n");
    }
  }
}
