package io.smnode.post.init;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MetadataJsonTest {
    private static final String ONES = "AQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQE="; // base64 of 32 × 0x01
    private static final String TWOS = "AgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgI="; // base64 of 32 × 0x02

    @Test
    void writesGoFieldNamesInGoOrderAndLeavesOutUnknownValues() {
        PostMetadata m = PostMetadata.unfinished(NodeId.ofHex("01".repeat(32)), AtxId.ofHex("02".repeat(32)),
                4294967296L, 4, 4294967296L);
        assertEquals("{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":4294967296,"
                + "\"NumUnits\":4,\"MaxFileSize\":4294967296}", json(m));
    }

    @Test
    void writesNonceAsNumberAndNonceValueAsHex() throws InitException {
        PostMetadata m = new PostMetadata(NodeId.ofHex("01".repeat(32)), AtxId.ofHex("02".repeat(32)), 100, 10, 240,
                OptionalLong.of(77), Optional.of(Bytes.ofHex("00ff".repeat(8))), OptionalLong.of(1000));
        String s = json(m);
        assertEquals("{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":100,"
                + "\"NumUnits\":10,\"MaxFileSize\":240,\"Nonce\":77,\"NonceValue\":\"" + "00ff".repeat(8) + "\","
                + "\"LastPosition\":1000}", s);
        assertEquals(m, MetadataJson.read(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void readsPostRsNullsAndIgnoresUnknownKeys() throws InitException {
        String s = "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":5,"
                + "\"NumUnits\":2,\"MaxFileSize\":32,\"Nonce\":null,\"LastPosition\":null,\"Whatever\":[1,2]}";
        PostMetadata m = MetadataJson.read(s.getBytes(StandardCharsets.UTF_8));
        assertEquals(PostMetadata.unfinished(NodeId.ofHex("01".repeat(32)), AtxId.ofHex("02".repeat(32)), 5, 2, 32),
                m);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "[]", "null", "{}", "{\"NodeId\":1}",
        "{\"NodeId\":\"AQ==\",\"CommitmentAtxId\":\"AQ==\",\"LabelsPerUnit\":1,\"NumUnits\":1,\"MaxFileSize\":16}",
        "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":-1,\"NumUnits\":1,\"MaxFileSize\":16}",
        "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":1,\"NumUnits\":4294967296,\"MaxFileSize\":16}",
        "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":1.5,\"NumUnits\":1,\"MaxFileSize\":16}",
        "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":1,\"NumUnits\":1,\"MaxFileSize\":16,\"NonceValue\":\"zz\"}",
        "{\"NodeId\":\"" + ONES + "\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":1,\"NumUnits\":1,\"MaxFileSize\":16,\"Nonce\":\"7\"}",
        "{\"NodeId\":\"!!\",\"CommitmentAtxId\":\"" + TWOS + "\",\"LabelsPerUnit\":1,\"NumUnits\":1,\"MaxFileSize\":16}"})
    void hostileInputIsATypedError(String s) {
        InitException e = assertThrows(InitException.class, () -> MetadataJson.read(s.getBytes(StandardCharsets.UTF_8)));
        assertEquals(InitException.Reason.BAD_METADATA, e.reason());
    }

    private static String json(PostMetadata m) {
        return new String(MetadataJson.write(m), StandardCharsets.UTF_8);
    }
}
