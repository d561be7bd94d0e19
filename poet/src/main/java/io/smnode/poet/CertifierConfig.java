package io.smnode.poet;

import io.smnode.core.types.Bytes;
import java.util.List;
import java.util.Optional;

/**
 * A configured certifier (spec 09 §7.1): its advertised URL and default public key (either may be absent), plus
 * further trusted keys (the reference reads them from {@code *.key} files). Keys are selected by the first four
 * bytes (the request's hint); the default key is trusted too.
 */
public record CertifierConfig(String url, Optional<Bytes> defaultPubKey, List<Bytes> trustedKeys) {
    public CertifierConfig {
        trustedKeys = List.copyOf(trustedKeys);
    }
}
