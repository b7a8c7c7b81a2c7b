package io.srs.core.metadata;

/** RFC 7865 §6.1 {@code dataMode}: a complete snapshot or a partial update. */
public enum DataMode {
  COMPLETE("complete"),
  PARTIAL("partial");

  private final String wireValue;

  DataMode(String wireValue) {
    this.wireValue = wireValue;
  }

  public String wireValue() {
    return wireValue;
  }
}
