package io.smnode.node.tools;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sign-verify", description = "Verify an Ed25519 signature over prefix || domain || msg: {\"valid\": bool}.")
public final class SignVerifyTool extends Tool {
    @Option(names = "--pubkey", required = true, paramLabel = "HEX", description = "32-byte public key (node id).")
    String pubkey;

    @Option(names = "--prefix", required = true, paramLabel = "HEX", description = "The network's signing prefix (its genesis id).")
    String prefix;

    @Option(names = "--domain", required = true, paramLabel = "D", description = "Domain name (ATX, HARE, ...) or number (0..11).")
    String domain;

    @Option(names = "--msg", required = true, paramLabel = "HEX", description = "The signed message.")
    String msg;

    @Option(names = "--sig", required = true, paramLabel = "HEX", description = "64-byte signature.")
    String sig;

    @Override
    protected Map<String, ?> run() {
        NodeId signer = NodeId.of(HexArg.exactly("--pubkey", pubkey, NodeId.LENGTH));
        Signature signature = Signature.of(HexArg.exactly("--sig", sig, Signature.LENGTH));
        Domain d = parseDomain(domain.trim());
        EdVerifier verifier = new EdVerifier(Bytes.wrap(HexArg.any("--prefix", prefix)));
        return Map.of("valid", verifier.verify(d, signer, HexArg.any("--msg", msg), signature));
    }

    static Domain parseDomain(String text) {
        Optional<Domain> d;
        if (!text.isEmpty() && text.chars().allMatch(Character::isDigit)) {
            d = text.length() > 3 ? Optional.empty() : Domain.fromValue(Integer.parseInt(text));
        } else {
            d = Domain.fromName(text.toUpperCase(Locale.ROOT));
        }
        return d.orElseThrow(() -> new ToolException("--domain '" + text + "' is not a signing domain; use one of "
                + Arrays.stream(Domain.values()).map(x -> x.name() + "=" + x.value()).toList()));
    }
}
