/** JMH benchmarks of the media hot path. Run with {@code bench/run-jmh}. */
package io.srs.bench;
