package io.srs.sip.jain;

import gov.nist.core.net.NetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import java.util.Properties;
import javax.sip.PeerUnavailableException;

/**
 * The RI's stack with our {@link NetworkLayer} installed. The RI's {@code NETWORK_LAYER} property
 * can only name a class it instantiates without arguments, so it could not carry this endpoint's
 * key material; the field it would set is protected, and this constructor sets it before any
 * listening point exists (listening points are what open sockets).
 */
final class SrsSipStack extends SipStackImpl {
  SrsSipStack(Properties properties, NetworkLayer networkLayer) throws PeerUnavailableException {
    super(properties);
    this.networkLayer = networkLayer;
  }
}
