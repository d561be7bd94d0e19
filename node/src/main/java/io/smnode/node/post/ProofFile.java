package io.smnode.node.post;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.node.tools.ToolException;
import io.smnode.post.prove.Proof;
import io.smnode.post.verify.ProofMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A proof with everything a verifier needs besides the network parameters: what {@code post prove} prints and
 * {@code post verify --proof} reads. Indices are the compressed bytes in hex.
 */
record ProofFile(Proof proof, ProofMetadata metadata, long labelsPerUnit, int scryptN) {
    private static final ObjectMapper JSON = new ObjectMapper();

    Map<String, Object> toJson() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("nonce", proof.nonce());
        out.put("indices", proof.indices().hex());
        out.put("pow", Long.toUnsignedString(proof.pow()));
        out.put("node_id", metadata.nodeId().hex());
        out.put("commitment_atx", metadata.commitmentAtxId().hex());
        out.put("challenge", metadata.challenge().hex());
        out.put("num_units", metadata.numUnits());
        out.put("labels_per_unit", labelsPerUnit);
        out.put("scrypt_n", scryptN);
        return out;
    }

    static ProofFile read(Path file) {
        JsonNode j;
        try {
            j = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new ToolException("--proof " + file + " is not readable JSON: " + e.getMessage());
        }
        try {
            Proof proof = new Proof(j.get("nonce").asLong(), Bytes.ofHex(j.get("indices").asText()),
                    Long.parseUnsignedLong(j.get("pow").asText()));
            ProofMetadata meta = new ProofMetadata(NodeId.ofHex(j.get("node_id").asText()), AtxId.ofHex(j.get("commitment_atx").asText()),
                    Hash32.ofHex(j.get("challenge").asText()), j.get("num_units").asLong());
            return new ProofFile(proof, meta, j.get("labels_per_unit").asLong(), j.get("scrypt_n").asInt());
        } catch (RuntimeException e) {
            throw new ToolException("--proof " + file + " is not a proof written by `smnode post prove`: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
