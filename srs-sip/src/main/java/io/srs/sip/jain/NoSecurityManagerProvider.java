package io.srs.sip.jain;

import gov.nist.core.net.SecurityManagerProvider;
import java.util.Properties;
import javax.net.ssl.KeyManager;
import javax.net.ssl.TrustManager;

/**
 * Named in {@code gov.nist.javax.sip.SECURITY_MANAGER_PROVIDER} so the RI does not build its
 * default provider, which reads the JVM-wide {@code javax.net.ssl.*} properties (and warns at
 * start-up when they are absent). Only the RI's NIO TLS transport asks a provider for managers; we
 * run the blocking one, whose sockets come from {@link SrsNetworkLayer}. Asking anyway is a bug.
 */
public final class NoSecurityManagerProvider implements SecurityManagerProvider {
  /** The RI instantiates it by name. */
  public NoSecurityManagerProvider() {}

  @Override
  public void init(Properties properties) {
    // Nothing to read: our key material never travels through stack properties.
  }

  @Override
  public KeyManager[] getKeyManagers(boolean client) {
    throw new UnsupportedOperationException("TLS sockets come from SrsNetworkLayer");
  }

  @Override
  public TrustManager[] getTrustManagers(boolean client) {
    throw new UnsupportedOperationException("TLS sockets come from SrsNetworkLayer");
  }
}
