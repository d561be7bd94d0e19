package io.smnode.activation;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowVerifier;
import io.smnode.post.k2pow.RandomXMode;
import io.smnode.post.k2pow.RandomXVm;
import io.smnode.post.label.ScryptJane;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.VerifyingParams;
import java.util.Optional;

/**
 * ATX validations per second on one thread (one core): a gossiped follow-up ATX and an initial ATX, from bytes to
 * verdict, with real PoST proofs, for the devnet parameters (N = 2) and the mainnet label function and K1/K2/K3
 * (N = 8192, 26/37/1). The k2pow difficulty is the devnet's (proving at the mainnet's would take minutes per group
 * here); verification hashes RandomX once either way, so the figure holds. Run: {@code java -cp <test classpath>
 * io.smnode.activation.AtxValidationBench [seconds per case]}.
 */
public final class AtxValidationBench {
    private static final PowThreshold EASY_POW = PowThreshold.ofHex("ff".repeat(32));
    private static final Hash32 POET_REF = Hash32.ofHex("ae".repeat(32));
    private static final EpochId E2 = EpochId.of(2);
    private static final EpochId E3 = EpochId.of(3);

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        try (RandomX randomX = RandomX.forSpacemesh(RandomXMode.LIGHT, 1); RandomXVm vm = randomX.newVm()) {
            System.out.printf("RandomX light hash (one k2pow check): %.1f ms%n", randomXMillis(vm, seconds));
            run("devnet N=2, K1/K2/K3 = 12/4/1", new PostIdentity.Setup(2, 64, 1, 12, 4, EASY_POW, 16), 1, seconds,
                    randomX, vm);
            run("devnet N=2, K3 = K2 = 4 (full)", new PostIdentity.Setup(2, 64, 1, 12, 4, EASY_POW, 16), 4, seconds,
                    randomX, vm);
            run("mainnet N=8192, K1/K2/K3 = 26/37/1", new PostIdentity.Setup(8192, 256, 1, 26, 37, EASY_POW, 64), 1,
                    seconds, randomX, vm);
        }
    }

    private static void run(String name, PostIdentity.Setup setup, int k3, double seconds, RandomX randomX,
                            RandomXVm vm) throws Exception {
        PostIdentity id = PostIdentity.create(new byte[32], AtxValidatorTest.PREFIX, AtxValidatorTest.GOLDEN, POET_REF,
                randomX, setup);
        VerifyingParams post = new VerifyingParams(setup.k1(), setup.k2(), setup.pow(), setup.labelsPerUnit(), 1, 4,
                setup.scryptN());
        AtxParams params = new AtxParams(AtxValidatorTest.PREFIX, AtxValidatorTest.GOLDEN, 100, post, k3,
                Bytes.ofHex("0123456789"));
        FakePoet poet = new FakePoet().round(POET_REF, 1_000_000);
        AtxValidator validator = new AtxValidator(params,
                new PostVerifier(ScryptJane.FACTORY, new RandomXK2PowVerifier(vm)), poet);

        AtxBuilder initialRecipe = AtxBuilder.initial(id, E2, AtxValidatorTest.GOLDEN, POET_REF);
        initialRecipe.numUnits = setup.numUnits();
        initialRecipe.postMetadata = Optional.of(PostMetadataV1.of(POET_REF, setup.labelsPerUnit()));
        ActivationTxV1 initial = initialRecipe.sign(id.signer());
        poet.member(POET_REF, initial.challenge().hash());
        AtxHeader initialHeader = validator.validate(initial, E2, new FakeAtxStore()).header().orElseThrow();
        FakeAtxStore store = new FakeAtxStore().put(initial, initialHeader);

        AtxBuilder nextRecipe = AtxBuilder.next(id, initial, E3, initial.id(), POET_REF);
        nextRecipe.numUnits = setup.numUnits();
        nextRecipe.postMetadata = initialRecipe.postMetadata;
        ActivationTxV1 next = nextRecipe.sign(id.signer());
        poet.member(POET_REF, next.challenge().hash());

        double followUp = rate(validator, next.encode(), E3, store, seconds);
        double first = rate(validator, initial.encode(), E2, new FakeAtxStore(), seconds);
        System.out.printf("%-40s follow-up ATX %8.1f/s   initial ATX %8.1f/s   (one thread)%n", name, followUp, first);
    }

    private static double rate(AtxValidator validator, byte[] bytes, EpochId current, AtxStore store, double seconds) {
        AtxValidation warm = validator.validate(bytes, Optional.empty(), current, store);
        if (!warm.valid()) {
            throw new IllegalStateException("benchmark ATX is not valid: " + warm);
        }
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        while (System.nanoTime() < deadline || count < 3) {
            if (!validator.validate(bytes, Optional.empty(), current, store).valid()) {
                throw new IllegalStateException("validation changed its mind");
            }
            count++;
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    /** What one k2pow verification costs: the floor of every PoST check, whatever N and K3. */
    private static double randomXMillis(RandomXVm vm, double seconds) {
        byte[] input = new byte[48];
        long start = System.nanoTime();
        long deadline = start + (long) (seconds * 1e9);
        long count = 0;
        while (System.nanoTime() < deadline || count < 3) {
            input[0] = (byte) count;
            vm.hash(input);
            count++;
        }
        return (System.nanoTime() - start) / 1e6 / count;
    }

    private AtxValidationBench() {}
}
