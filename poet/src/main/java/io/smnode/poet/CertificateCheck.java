package io.smnode.poet;

import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Ed25519;
import io.smnode.core.types.Bytes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The server's certificate check (spec 09 §7.1): candidate certifier keys are those whose first four bytes equal
 * the hint, or the default key when no hint is given; a candidate accepts when its signature over the data is
 * valid, the decoded node id is the submitter's and the certificate has not expired.
 */
final class CertificateCheck {
    private CertificateCheck() {}

    static boolean verify(CertifierConfig certifier, OpaqueCertificate cert, Optional<Bytes> hint, Bytes nodeId,
            Instant now) {
        for (Bytes key : candidates(certifier, hint)) {
            if (acceptedBy(key, cert, nodeId, now)) {
                return true;
            }
        }
        return false;
    }

    private static List<Bytes> candidates(CertifierConfig certifier, Optional<Bytes> hint) {
        if (hint.isEmpty()) {
            return certifier.defaultPubKey().filter(k -> k.length() > 0).map(List::of).orElse(List.of());
        }
        List<Bytes> out = new ArrayList<>();
        List<Bytes> trusted = new ArrayList<>(certifier.trustedKeys());
        certifier.defaultPubKey().ifPresent(trusted::add);
        for (Bytes key : trusted) {
            if (key.length() >= 4 && startsWith(key, hint.get())) {
                out.add(key);
            }
        }
        return out;
    }

    private static boolean startsWith(Bytes key, Bytes prefix) {
        for (int i = 0; i < prefix.length(); i++) {
            if (key.get(i) != prefix.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean acceptedBy(Bytes key, OpaqueCertificate cert, Bytes nodeId, Instant now) {
        if (!Ed25519.verify(key.toByteArray(), cert.data().toByteArray(), cert.signature().toByteArray())) {
            return false;
        }
        try {
            Certificate c = Certificate.decode(cert.data().toByteArray());
            return c.pubKey().equals(nodeId) && c.validAt(now);
        } catch (ScaleException e) {
            return false;
        }
    }
}
