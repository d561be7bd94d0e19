package io.smnode.vm.tx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.LayerId;
import io.smnode.vm.LayerResult;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.AccountView;
import io.smnode.vm.template.TemplateKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Hostile bytes end in a typed rejection, never an unchecked exception. */
class HostileTxTest {
    @Test
    void randomBytesAreRejectedWithAReasonAndNeverThrow() {
        SplittableRandom random = new SplittableRandom(7); // fixed seed: a reproducible test input
        List<Bytes> txs = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            byte[] raw = new byte[random.nextInt(0, 200)];
            random.nextBytes(raw);
            if (raw.length > 0 && random.nextBoolean()) {
                raw[0] = 0; // valid version, so parsing goes deeper
            }
            if (raw.length > 25 && random.nextBoolean()) {
                raw[25] = (byte) (random.nextBoolean() ? 0 : 0x40); // spawn or spend
            }
            txs.add(Bytes.of(raw));
        }
        AccountView spawnedWallets = a -> Account.empty(a).withBalance(1L << 40)
                .spawnedAs(TemplateKind.WALLET.address(), Bytes.of(new byte[32]));
        Vm vm = new Vm(new VmConfig(Hash20.of(new byte[20]), -1L, 1));
        LayerResult r = vm.apply(spawnedWallets, LayerId.of(1), txs, List.of());
        assertEquals(txs.size(), r.rejected().size(), "random bytes never carry a valid signature");
        Set<RejectReason> reasons = EnumSet.noneOf(RejectReason.class);
        r.rejected().forEach(x -> reasons.add(x.reason()));
        assertTrue(reasons.containsAll(EnumSet.of(RejectReason.MALFORMED, RejectReason.UNSUPPORTED_VERSION,
                RejectReason.UNKNOWN_TEMPLATE)), "reasons seen: " + reasons);
    }

    @Test
    void oversizedTransactionsAreRefusedBeforeDecoding() {
        InvalidTxException e = assertThrows(InvalidTxException.class,
                () -> TxParser.parse(new byte[TxParser.MAX_TX_BYTES + 1], Account::empty));
        assertEquals(RejectReason.TOO_LARGE, e.reason());
    }

    @Test
    void corruptStoredStateIsItsOwnReason() {
        byte[] raw = new byte[60];
        raw[25] = 0x40; // spend
        InvalidTxException e = assertThrows(InvalidTxException.class, () -> TxParser.parse(raw,
                a -> Account.empty(a).spawnedAs(TemplateKind.WALLET.address(), Bytes.of(new byte[3]))));
        assertEquals(RejectReason.CORRUPT_STATE, e.reason());
    }

    @Test
    void accountEncodingRoundTrips() throws ScaleException {
        Account a = new Account(LayerId.of(300), Address.ofHex("000000000000000000000000000000000000000000000011"),
                5, 1L << 40, Optional.of(TemplateKind.VAULT.address()), Bytes.of(new byte[] {1, 2, 3}));
        assertEquals(a, Scale.decode(Account.CODEC, Scale.encode(Account.CODEC, a)));
        Account unspawned = Account.empty(a.address());
        assertEquals(unspawned, Scale.decode(Account.CODEC, Scale.encode(Account.CODEC, unspawned)));
    }
}
