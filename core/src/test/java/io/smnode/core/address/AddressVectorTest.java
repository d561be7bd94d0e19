package io.smnode.core.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Address;
import io.smnode.core.types.Amount;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.util.Hex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of addresses.json. */
class AddressVectorTest {
    private static final String FILE = "addresses.json";
    private static final Map<String, AddressException.Reason> GO_ERRORS = Map.of(
            "ErrDecodeBech32", AddressException.Reason.DECODE_BECH32,
            "ErrWrongAddressLength", AddressException.Reason.WRONG_LENGTH,
            "ErrUnsupportedNetwork", AddressException.Reason.UNSUPPORTED_NETWORK,
            "ErrMissingReservedSpace", AddressException.Reason.MISSING_RESERVED_SPACE);
    private static final Map<String, Address> TEMPLATES = Map.of("wallet", Templates.WALLET,
            "multisig", Templates.MULTISIG, "vesting", Templates.VESTING, "vault", Templates.VAULT);

    static Stream<Arguments> kind(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> parse() {
        return kind("parse");
    }

    static Stream<Arguments> generate() {
        return kind("generate");
    }

    static Stream<Arguments> principal() {
        return kind("principal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parse")
    void parsesOrRefusesWithTheGoErrorClass(JsonNode c) throws AddressException {
        String input = c.get("input").asText();
        String hrp = c.get("network_hrp").asText();
        if (c.get("valid").asBoolean()) {
            Address address = AddressCodec.decode(input, hrp);
            assertEquals(c.get("bytes_hex").asText(), address.hex());
            String canonical = c.has("canonical_string") ? c.get("canonical_string").asText() : input;
            assertEquals(canonical, AddressCodec.encode(address, hrp));
            assertEquals(new AddressCodec.DecodedAddress(hrp, address), AddressCodec.decodeAnyNetwork(input));
        } else {
            AddressException e = assertThrows(AddressException.class, () -> AddressCodec.decode(input, hrp));
            assertEquals(GO_ERRORS.get(c.get("error").asText()), e.reason(), e.getMessage());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("generate")
    void generatesFromTheLastTwentyBytesAndPrintsUnderEveryNetwork(JsonNode c) throws AddressException {
        Address address = Addresses.generate(Hex.decode(c.get("input_hex").asText()));
        assertEquals(c.get("bytes_hex").asText(), address.hex());
        if (c.has("is_empty")) {
            assertEquals(c.get("is_empty").asBoolean(), address.isZero());
        }
        assertStrings(c, address);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("principal")
    void computesThePrincipalOfASpawn(JsonNode c) throws AddressException {
        Address template = TEMPLATES.get(c.get("template").asText());
        assertEquals(c.get("template_address_hex").asText(), template.hex());
        byte[] args = Hex.decode(c.get("spawn_args_scale_hex").asText());
        // The vector's SCALE bytes are what our codec makes of its spawn_args.
        assertEquals(c.get("spawn_args_scale_hex").asText(), Hex.encode(encodeSpawnArgs(c)));
        if (c.has("preimage_hex")) {
            byte[] preimage = Hex.decode(c.get("preimage_hex").asText());
            assertEquals(c.get("blake3_hex").asText(), Blake3.hash(preimage).hex());
            assertEquals(c.get("preimage_hex").asText(), template.hex() + Hex.encode(args));
        }
        Address principal = Principal.compute(template, args);
        assertEquals(c.get("bytes_hex").asText(), principal.hex());
        if (template.equals(Templates.WALLET)) {
            NodeId key = NodeId.ofHex(c.get("spawn_args").get("PublicKey").asText());
            assertEquals(principal, Principal.wallet(key));
        }
        assertStrings(c, principal);
        if (c.has("expected_string_from_source")) {
            assertEquals(c.get("expected_string_from_source").asText(),
                    AddressCodec.encode(principal, AddressCodec.MAINNET_HRP));
        }
    }

    private static void assertStrings(JsonNode c, Address address) throws AddressException {
        var it = c.get("strings").fields();
        while (it.hasNext()) {
            var e = it.next();
            assertEquals(e.getValue().asText(), AddressCodec.encode(address, e.getKey()), e.getKey());
            assertEquals(address, AddressCodec.decode(e.getValue().asText(), e.getKey()));
        }
    }

    /**
     * Spawn arguments as go-spacemesh declares them: wallet {PublicKey [32]byte}; multisig and vesting
     * {Required uint8, PublicKeys []PublicKey max=10}; vault {Owner Address, TotalAmount uint64,
     * InitialUnlockAmount uint64, VestingStart LayerID, VestingEnd LayerID}.
     */
    private static byte[] encodeSpawnArgs(JsonNode c) {
        JsonNode a = c.get("spawn_args");
        switch (c.get("template").asText()) {
            case "wallet":
                return Scale.encode(CoreCodecs.NODE_ID, NodeId.ofHex(a.get("PublicKey").asText()));
            case "multisig":
            case "vesting": {
                List<NodeId> keys = new ArrayList<>();
                a.get("PublicKeys").forEach(k -> keys.add(NodeId.ofHex(k.asText())));
                ScaleCodec<List<NodeId>> keysCodec = ScaleCodecs.structSlice(CoreCodecs.NODE_ID, 10);
                return Scale.encode(ScaleCodec.of((w, v) -> {
                    w.field("Required", ScaleCodecs.COMPACT_U8, a.get("Required").intValue());
                    w.field("PublicKeys", keysCodec, keys);
                }, r -> null), a);
            }
            case "vault":
                return Scale.encode(ScaleCodec.of((w, v) -> {
                    w.field("Owner", CoreCodecs.ADDRESS, Address.ofHex(a.get("Owner").asText()));
                    w.field("TotalAmount", CoreCodecs.AMOUNT, Amount.of(a.get("TotalAmount").longValue()));
                    w.field("InitialUnlockAmount", CoreCodecs.AMOUNT,
                            Amount.of(a.get("InitialUnlockAmount").longValue()));
                    w.field("VestingStart", CoreCodecs.LAYER_ID, LayerId.of(a.get("VestingStart").longValue()));
                    w.field("VestingEnd", CoreCodecs.LAYER_ID, LayerId.of(a.get("VestingEnd").longValue()));
                }, r -> null), a);
            default:
                throw new IllegalStateException("unknown template " + c.get("template"));
        }
    }
}
