package io.smnode.vm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.smnode.core.address.Principal;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.testing.Vectors;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.util.Hex;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.state.Account;
import io.smnode.vm.template.DrainVaultArgs;
import io.smnode.vm.template.MethodArgs;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.MultisigState;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.TemplateState;
import io.smnode.vm.template.VaultState;
import io.smnode.vm.template.WalletState;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of wallet-golden.json. */
class WalletGoldenVectorTest {
    private static final String FILE = "wallet-golden.json";
    private static final Map<String, TemplateKind> KINDS = Map.of("wallet", TemplateKind.WALLET,
            "multisig", TemplateKind.MULTISIG, "vesting", TemplateKind.VESTING, "vault", TemplateKind.VAULT);

    static Stream<Arguments> kind(String kind) {
        return Vectors.casesWhere(FILE, "kind", kind).stream()
                .map(c -> Arguments.of(Named.of(c.get("id").asText(), c)));
    }

    static Stream<Arguments> golden() {
        return kind("golden");
    }

    static Stream<Arguments> vested() {
        return kind("vault_vested");
    }

    static Stream<Arguments> spend() {
        return kind("vault_spend");
    }

    static Stream<Arguments> tx() {
        return kind("tx");
    }

    private static long u64(JsonNode n) {
        return new BigInteger(n.asText()).longValue();
    }

    private static Address addr(JsonNode n) {
        return Address.ofHex(n.asText());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("golden")
    void goldenObjectsEncodeAndDecode(JsonNode c) throws ScaleException {
        JsonNode o = c.get("object");
        byte[] hex = Hex.decode(c.get("hex").asText());
        switch (c.get("type").asText()) {
            case "wallet.SpawnArguments" -> roundTrip(WalletState.CODEC,
                    new WalletState(Hash32.ofHex(o.get("PublicKey").asText())), hex);
            case "core.Payload" -> roundTrip(Payload.CODEC, new Payload(u64(o.get("Nonce")), u64(o.get("GasPrice"))), hex);
            case "wallet.SpendArguments" -> roundTrip(SpendArgs.CODEC,
                    new SpendArgs(addr(o.get("Destination")), u64(o.get("Amount"))), hex);
            default -> throw new AssertionError("unknown type " + c.get("type"));
        }
    }

    private static <T> void roundTrip(ScaleCodec<T> codec, T value, byte[] hex) throws ScaleException {
        assertEquals(Hex.encode(hex), Hex.encode(Scale.encode(codec, value)));
        assertEquals(value, Scale.decode(codec, hex));
    }

    private static VaultState vault(JsonNode c, Address owner) {
        return new VaultState(owner, u64(c.get("total_amount")),
                c.has("initial_unlock_amount") ? u64(c.get("initial_unlock_amount")) : 0,
                c.get("vesting_start").asLong(), c.get("vesting_end").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vested")
    void vaultVesting(JsonNode c) {
        assertEquals(u64(c.get("expect_vested")), vault(c, Address.ZERO).vested(c.get("layer").asLong()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spend")
    void vaultSpendRule(JsonNode c) {
        Address owner = Address.ofHex("000000000000000000000000000000000000000000000007");
        VaultState v = vault(c, owner);
        long balance = u64(c.get("total_amount")) + u64(c.get("received"));
        assertEquals(u64(c.get("balance")), balance);
        Optional<VaultState.SpendRefusal> refusal =
                v.checkSpend(owner, c.get("layer").asLong(), balance, u64(c.get("spend")));
        JsonNode expected = c.get("expect_error");
        if (expected.isNull()) {
            assertEquals(Optional.empty(), refusal);
        } else {
            assertEquals("ErrAmountNotAvailable", expected.asText());
            assertEquals(Optional.of(VaultState.SpendRefusal.AMOUNT_NOT_AVAILABLE), refusal);
        }
        assertEquals(Optional.of(VaultState.SpendRefusal.NOT_OWNER),
                v.checkSpend(Address.ZERO, c.get("layer").asLong(), balance, 0), "only the owner may spend");
    }

    /** Go's ed25519 private key is seed ‖ public key. */
    private static EdSigner signer(String privateKeyHex, Hash20 genesis) {
        byte[] key = Hex.decode(privateKeyHex);
        EdSigner s = EdSigner.fromSeed(Arrays.copyOf(key, 32), Bytes.of(genesis.toByteArray()));
        assertEquals(Hex.encode(Arrays.copyOfRange(key, 32, 64)), s.nodeId().hex(), "public key half");
        return s;
    }

    private static List<String> privateKeys(JsonNode c) {
        List<String> keys = new ArrayList<>();
        if (c.has("private_key_hex")) {
            keys.add(c.get("private_key_hex").asText());
        } else {
            c.get("private_keys_hex").forEach(k -> keys.add(k.asText()));
        }
        return keys;
    }

    private static MethodArgs args(JsonNode c, TemplateKind kind) {
        if (c.has("spend_args")) {
            JsonNode a = c.get("spend_args");
            return new SpendArgs(addr(a.get("Destination")), u64(a.get("Amount")));
        }
        if (c.has("drain_args")) {
            JsonNode a = c.get("drain_args");
            return new DrainVaultArgs(addr(a.get("Vault")), new SpendArgs(addr(a.get("Destination")), u64(a.get("Amount"))));
        }
        JsonNode a = c.get("spawn_args");
        if (a.has("Owner")) {
            return new VaultState(addr(a.get("Owner")), u64(a.get("TotalAmount")), u64(a.get("InitialUnlockAmount")),
                    a.get("VestingStart").asLong(), a.get("VestingEnd").asLong());
        }
        if (a.has("PublicKey")) {
            return new WalletState(Hash32.ofHex(a.get("PublicKey").asText()));
        }
        List<Hash32> keys = new ArrayList<>();
        a.get("PublicKeys").forEach(k -> keys.add(Hash32.ofHex(k.asText())));
        return new MultisigState(a.get("Required").asInt(), keys);
    }

    /** The principal's own state: a wallet of the one key, or 2-of-2 over the case's keys. */
    private static TemplateState principalState(TemplateKind kind, List<EdSigner> signers) {
        if (kind == TemplateKind.WALLET) {
            return new WalletState(Hash32.of(signers.get(0).nodeId().toByteArray()));
        }
        return new MultisigState(signers.size(),
                signers.stream().map(s -> Hash32.of(s.nodeId().toByteArray())).toList());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tx")
    void signedTransactionLayout(JsonNode c) throws InvalidTxException {
        Hash20 genesis = Hash20.ofHex(c.get("genesis_id_hex").asText());
        TemplateKind kind = KINDS.get(c.get("template").asText());
        int method = c.get("method").asInt();
        List<EdSigner> signers = privateKeys(c).stream().map(k -> signer(k, genesis)).toList();
        TemplateState own = principalState(kind, signers);
        Address principal = Principal.compute(kind.address(), own.encode());
        assertEquals(c.get("principal_hex").asText(), principal.hex());

        MethodArgs args = args(c, kind);
        Optional<Address> template = Optional.empty();
        if (method == Methods.SPAWN) {
            template = Optional.of(c.has("target_template_hex")
                    ? Address.ofHex(c.get("target_template_hex").asText()) : kind.address());
        }
        byte[] unsigned = TxBuilder.unsigned(principal, method, template, u64(c.get("nonce")), u64(c.get("gas_price")),
                args);
        assertEquals(c.get("unsigned_hex").asText(), Hex.encode(unsigned));
        assertEquals(c.get("signing_body_hex").asText(), genesis.hex() + Hex.encode(unsigned));
        byte[] signed = kind == TemplateKind.WALLET ? TxBuilder.signSingle(unsigned, signers.get(0))
                : TxBuilder.signMulti(unsigned, List.of(new TxBuilder.Part(0, signers.get(0)),
                        new TxBuilder.Part(1, signers.get(1))));
        assertEquals(c.get("tx_hex").asText(), Hex.encode(signed));
        if (c.has("signature_hex")) {
            assertEquals(c.get("signature_hex").asText(), Hex.encode(signed, unsigned.length, 64));
        }
        if (c.has("spawned_principal_hex")) {
            assertEquals(c.get("spawned_principal_hex").asText(),
                    Principal.compute(template.orElseThrow(), ((TemplateState) args).encode()).hex());
        }

        // Parsed against an account in the state the layout implies: spawned unless it spawns itself.
        boolean selfSpawn = method == Methods.SPAWN && template.get().equals(kind.address());
        Account account = selfSpawn ? Account.empty(principal).withBalance(1_000_000_000L)
                : Account.empty(principal).withBalance(1_000_000_000L)
                        .spawnedAs(kind.address(), Bytes.of(own.encode()));
        ParsedTx parsed = TxParser.parse(signed, a -> a.equals(principal) ? account : Account.empty(a));
        assertEquals(principal, parsed.header().principal());
        assertEquals(method, parsed.header().method());
        assertEquals(u64(c.get("nonce")), parsed.header().nonce());
        assertEquals(u64(c.get("gas_price")), parsed.header().gasPrice());
        assertEquals(args, parsed.args());
        if (c.has("max_gas")) {
            assertEquals(c.get("max_gas").asLong(), parsed.header().maxGas());
        }
        Vm vm = new Vm(new VmConfig(genesis, -1L, 1));
        assertTrue(vm.verify(parsed, signed), "signature verifies");
        byte[] tampered = signed.clone();
        tampered[tampered.length - 1] ^= 1;
        ParsedTx bad = TxParser.parse(tampered, a -> a.equals(principal) ? account : Account.empty(a));
        assertFalse(vm.verify(bad, tampered), "a changed signature fails verification");
    }
}
