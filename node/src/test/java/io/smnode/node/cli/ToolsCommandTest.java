package io.smnode.node.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smnode.core.testing.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The tools are the black-box surface external checks use: their names, fields and exit codes are a contract.
 * Expected values come from the reference vectors, fed through the command line exactly as a script would.
 */
class ToolsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode ok(String... args) {
        Cli r = Cli.run(args);
        assertEquals(0, r.exitCode(), () -> "exit code of " + String.join(" ", args) + ": " + r.out() + r.err());
        return parse(r.out());
    }

    private static String error(String... args) {
        Cli r = Cli.run(args);
        assertEquals(2, r.exitCode(), () -> String.join(" ", args) + " should fail: " + r.out());
        JsonNode n = parse(r.out());
        assertEquals(1, n.size(), "an error is {\"error\": ...} and nothing else: " + r.out());
        return n.get("error").asText();
    }

    private static JsonNode parse(String out) {
        try {
            assertEquals(1, out.lines().count(), "exactly one line of JSON: " + out);
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + out, e);
        }
    }

    @Test
    void blake3HashesHexInput() {
        assertEquals("af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262", ok("tools", "blake3", "--hex", "").get("hash").asText());
        assertTrue(error("tools", "blake3", "--hex", "zz").contains("--hex"));
        assertTrue(error("tools", "blake3").contains("--hex"));
    }

    static Stream<Arguments> genesisCases() {
        return Vectors.cases("genesis.json", c -> c.has("golden_atx") && c.has("network")).stream()
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("genesisCases")
    void genesisMatchesTheVectors(String id, JsonNode c) {
        String preset = switch (c.get("network").asText()) {
            case "fastnet" -> "localnet";
            default -> c.get("network").asText();
        };
        JsonNode out = ok("tools", "genesis", "--preset", preset, "--genesis-time", c.get("genesis_time").asText());
        assertEquals(c.get("genesis_id").asText(), out.get("genesis_id").asText());
        assertEquals(c.get("golden_atx").asText(), out.get("golden_atx").asText());
        assertEquals(c.get("network_hrp").asText(), out.get("hrp").asText());
    }

    @Test
    void genesisOfMainnetNeedsNoTimeButADevnetDoes() {
        assertEquals("9eebff023abb17ccb775c602daade8ed708f0a50", ok("tools", "genesis", "--preset", "mainnet").get("genesis_id").asText());
        assertTrue(error("tools", "genesis", "--preset", "standalone").contains("--genesis-time"));
        assertTrue(error("tools", "genesis", "--preset", "moonnet").contains("mainnet"));
    }

    static Stream<Arguments> addressParseCases() {
        return Vectors.casesWhere("addresses.json", "kind", "parse").stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressParseCases")
    void addressDecodeFollowsTheVectors(String id, JsonNode c) {
        String[] args = {"tools", "address-decode", "--address", c.get("input").asText(), "--hrp", c.get("network_hrp").asText()};
        if (c.get("valid").asBoolean()) {
            JsonNode out = ok(args);
            assertEquals(c.get("bytes_hex").asText(), out.get("bytes").asText());
            assertEquals(c.get("network_hrp").asText(), out.get("hrp").asText());
        } else {
            error(args);
        }
    }

    static Stream<Arguments> walletCases() {
        return Vectors.cases("addresses.json", c -> "principal".equals(c.path("kind").asText())
                && "wallet".equals(c.path("template").asText())).stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("walletCases")
    void addressOfAPublicKeyIsItsWalletPrincipalUnderEveryHrp(String id, JsonNode c) {
        String pubkey = c.get("spawn_args").get("PublicKey").asText();
        c.get("strings").fields().forEachRemaining(e -> {
            assertEquals(e.getValue().asText(), ok("tools", "address", "--pubkey", pubkey, "--hrp", e.getKey()).get("address").asText());
            assertEquals(c.get("bytes_hex").asText(),
                    ok("tools", "address-decode", "--address", e.getValue().asText(), "--hrp", e.getKey()).get("bytes").asText());
        });
    }

    @Test
    void addressRefusesAKeyOfTheWrongLength() {
        assertTrue(error("tools", "address", "--pubkey", "00").contains("32 bytes"));
    }

    static Stream<Arguments> vrfCases() {
        return Vectors.cases("ecvrf.json").stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vrfCases")
    void vrfVerifyFollowsTheVectors(String id, JsonNode c) {
        Cli r = Cli.run("tools", "vrf-verify", "--pubkey", c.get("pk").asText(), "--alpha", c.get("alpha").asText(),
                "--proof", c.get("pi").asText());
        if (r.exitCode() == 2) {
            // Malformed lengths are bad input, not a failed proof; only negative vectors may get here.
            assertTrue(!c.get("valid").asBoolean(), id + ": " + r.out());
            return;
        }
        JsonNode out = parse(r.out());
        assertEquals(c.get("valid").asBoolean(), out.get("valid").asBoolean(), id);
        if (c.get("valid").asBoolean()) {
            assertEquals(c.get("beta").asText(), out.get("beta").asText(), id);
        } else {
            assertTrue(out.get("beta").isNull(), id);
        }
    }

    static Stream<Arguments> signCases() {
        return Vectors.casesWhere("ed25519-domains.json", "kind", "sign").stream().map(c -> Arguments.of(c.get("id").asText(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("signCases")
    void signVerifyAcceptsTheReferenceSignaturesAndRefusesATamperedOne(String id, JsonNode c) {
        String domain = c.get("domain").asText();
        String[] args = {"tools", "sign-verify", "--pubkey", c.get("pk").asText(), "--prefix", c.get("prefix").asText(),
                "--domain", domain, "--msg", c.get("msg").asText(), "--sig", c.get("sig").asText()};
        assertTrue(ok(args).get("valid").asBoolean(), id);
        String sig = c.get("sig").asText();
        args[args.length - 1] = (sig.charAt(0) == '0' ? "1" : "0") + sig.substring(1);
        assertEquals(false, ok(args).get("valid").asBoolean(), id + " tampered");
    }

    @Test
    void signVerifyTakesTheDomainByNameAsWell() {
        JsonNode c = Vectors.casesWhere("ed25519-domains.json", "id", "sign/ATX/mainnet-prefix").get(0);
        assertTrue(ok("tools", "sign-verify", "--pubkey", c.get("pk").asText(), "--prefix", c.get("prefix").asText(),
                "--domain", "atx", "--msg", c.get("msg").asText(), "--sig", c.get("sig").asText()).get("valid").asBoolean());
        assertEquals(false, ok("tools", "sign-verify", "--pubkey", c.get("pk").asText(), "--prefix", c.get("prefix").asText(),
                "--domain", "HARE", "--msg", c.get("msg").asText(), "--sig", c.get("sig").asText()).get("valid").asBoolean());
    }

    @Test
    void signVerifyNamesAnUnknownDomain() {
        assertTrue(error("tools", "sign-verify", "--pubkey", "00".repeat(32), "--prefix", "", "--domain", "LUNCH",
                "--msg", "", "--sig", "00".repeat(64)).contains("LUNCH"));
    }

    @Test
    void scaleDecodePrintsTheValueAndRejectsNonCanonicalBytes() {
        JsonNode out = ok("tools", "scale-decode", "--type", "compact_u64", "--hex", "f678841a");
        assertEquals(111222333L, out.get("value").asLong());
        assertEquals("18446744073709551615", ok("tools", "scale-decode", "--type", "compact_u64", "--hex", "13ffffffffffffffff")
                .get("value").bigIntegerValue().toString());
        assertTrue(error("tools", "scale-decode", "--type", "compact_u64", "--hex", "0100").contains("NON_CANONICAL"));
        assertTrue(error("tools", "scale-decode", "--type", "compact_u32", "--hex", "0400").contains("TRAILING"));
        assertTrue(error("tools", "scale-decode", "--type", "whatever", "--hex", "00").contains("compact_u64"));
    }

    @Test
    void aMissingToolIsAJsonErrorToo() {
        assertTrue(error("tools").toLowerCase().contains("subcommand"));
    }

    static Stream<Arguments> txCases() {
        return Vectors.casesWhere("wallet-golden.json", "kind", "tx").stream()
                .filter(c -> c.get("method").asInt() == 0 && !c.has("target_template_hex")
                        || c.get("template").asText().equals("wallet"))
                .map(c -> Arguments.of(c.get("id").asText(), c));
    }

    /**
     * Spends of wallets and every self-spawn decode offline to the vector's fields (a spawn of another account, or a
     * spend of a multisig, needs the principal's state: the node's ParseTransaction decodes those).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("txCases")
    void txDecodeReadsTheVectorsTransactions(String id, JsonNode c) {
        JsonNode tx = ok("tools", "tx-decode", "--hex", c.get("tx_hex").asText(), "--hrp", "sm");
        assertEquals(io.smnode.core.hash.Blake3.hash(io.smnode.core.util.Hex.decode(c.get("tx_hex").asText())).hex(),
                tx.get("id").asText());
        assertEquals(io.smnode.core.address.AddressCodec.encode(io.smnode.core.types.Address.ofHex(
                c.get("principal_hex").asText()), "sm"), tx.get("principal").asText());
        assertEquals(c.get("template").asText(), tx.get("template").asText());
        assertEquals(c.get("nonce").asText(), tx.get("nonce").asText());
        assertEquals(c.get("gas_price").asText(), tx.get("gas_price").asText());
        if (c.has("max_gas")) {
            assertEquals(c.get("max_gas").asText(), tx.get("max_gas").asText());
        }
        if (c.get("method").asInt() == 16) {
            assertEquals("spend", tx.get("method").asText());
            assertEquals(c.get("spend_args").get("Amount").asText(), tx.get("args").get("amount").asText());
            assertEquals(io.smnode.core.address.AddressCodec.encode(io.smnode.core.types.Address.ofHex(
                    c.get("spend_args").get("Destination").asText()), "sm"), tx.get("args").get("destination").asText());
        } else {
            assertEquals("spawn", tx.get("method").asText());
        }
    }

    @Test
    void txDecodeRefusesWhatIsNotATransaction() {
        assertTrue(error("tools", "tx-decode", "--hex", "00").startsWith("not a transaction smnode can decode"));
        assertTrue(error("tools", "tx-decode", "--hex", "zz").contains("--hex"));
    }
}
