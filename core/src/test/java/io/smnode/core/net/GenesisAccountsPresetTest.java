package io.smnode.core.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.address.AddressCodec;
import io.smnode.core.address.Addresses;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import io.smnode.core.util.Hex;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Genesis accounts per preset as the reference has them: mainnet's 28 (checked against the vectors elsewhere), none
 * for testnet, standalone and fastnet (their presets set no accounts, or an empty map), and for the library defaults
 * the two the reference generates at start from its test keys.
 */
class GenesisAccountsPresetTest {
    /** go-spacemesh {@code config/genesis.go}: Account1Private and Account2Private (seed ‖ public key). */
    private static final List<String> REFERENCE_TEST_KEYS = List.of(
            "2dcddb8e0ddd2269f536da5768e890790f2b84366e0fb8396bdcd15c0d7c30b9"
                    + "0002abedccd3ffcbf46f35f11b314d17c05a2905f918d0d72f2f6989640fbb43",
            "0bb3f2936d42f463e597f5fb2c48bbd8475ce74ba91f1eaae97df4084d306b49"
                    + "feaf3d38b6ef430933ebedeb073af7bec018e8d2e379fa47df6a9fa07a6a8344");
    private static final long TEST_ACCOUNT_BALANCE = 100_000_000_000_000_000L;

    @Test
    void onlyMainnetAndTheLibraryDefaultsHaveGenesisAccounts() {
        assertEquals(28, Preset.MAINNET.params().genesis().accounts().size());
        for (Preset p : List.of(Preset.TESTNET, Preset.STANDALONE, Preset.LOCALNET)) {
            assertTrue(p.params().genesis().accounts().isEmpty(), p.presetName());
        }
    }

    @Test
    void theLibraryDefaultsFundTheAddressesGeneratedFromTheReferenceTestKeys() {
        List<NetworkParams.GenesisAccount> expected = REFERENCE_TEST_KEYS.stream().map(key -> {
            byte[] bytes = Hex.decode(key);
            byte[] seed = Arrays.copyOf(bytes, 32);
            byte[] publicKey = Arrays.copyOfRange(bytes, 32, 64);
            // The Go private key carries its public key: ours derived from the seed must be the same.
            assertEquals(Bytes.of(publicKey), Bytes.of(EdSigner.fromSeed(seed, Bytes.EMPTY).nodeId().toByteArray()));
            return new NetworkParams.GenesisAccount(AddressCodec.encode(Addresses.generate(publicKey), "sm"),
                    TEST_ACCOUNT_BALANCE);
        }).toList();
        assertEquals(expected, Preset.referenceDefaults().genesis().accounts());
    }
}
