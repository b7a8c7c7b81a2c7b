package io.srs.sip;

/**
 * The file formats a TLS key or trust store may have ({@code sip.tls.key-store-type}). PKCS#12 is
 * what {@code openssl pkcs12 -export} and current keytool write; JKS is the legacy Java format.
 */
public enum TlsStoreType {
  PKCS12,
  JKS
}
