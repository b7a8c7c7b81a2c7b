package io.srs.daemon.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.srs.daemon.http.HttpReply;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;

/**
 * The daemon's meter registry: the recording KPIs ({@link MetricsListener}), TLS handshake failures
 * ({@link TlsMetrics}), gauges over live state (sessions, ports, finaliser backlog, drain) and the
 * JVM's own, scraped as Prometheus text.
 */
public final class SrsMetrics implements AutoCloseable {
  /** The Prometheus text exposition format, version 0.0.4. */
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final MetricsListener listener = new MetricsListener(registry);
  private final TlsMetrics tls = new TlsMetrics(registry);
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public SrsMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
  }

  public MetricsListener listener() {
    return listener;
  }

  /** Counts failed handshakes on the SIP TLS listener. */
  public TlsMetrics tls() {
    return tls;
  }

  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** Registers a gauge over live state, read at scrape time. */
  public void gauge(String name, String description, IntSupplier value) {
    Gauge.builder(name, value, supplier -> supplier.getAsInt())
        .description(description)
        .strongReference(true)
        .register(registry);
  }

  /** A 0/1 gauge. */
  public void flag(String name, String description, BooleanSupplier value) {
    gauge(name, description, () -> value.getAsBoolean() ? 1 : 0);
  }

  /** {@code /metrics}. */
  public HttpReply reply() {
    return new HttpReply(200, CONTENT_TYPE, registry.scrape().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
