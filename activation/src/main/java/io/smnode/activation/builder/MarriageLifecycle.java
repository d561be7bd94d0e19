package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.AtxVersions;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.MarriageCertificate;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which ATX builders a node runs for several identities of its own that marry (spec 11 §4), decided from what it
 * knows; deterministic, so a restarted node decides the same. The members are in set order: the first signs the
 * marriage ATX and the merged ATXs, the others' positions are their marriage indices.
 *
 * <ol>
 *   <li>{@link Solo}: every member builds its own ATXs. Once every partner has published an ATX, the signer's next
 *       v2 ATX carries the certificates (each partner signs the signer's id, referencing its own last ATX).</li>
 *   <li>{@link Married}: the marriage ATX (publish epoch M) is known. Members still build their own ATXs, for epochs
 *       up to M+1 only: a merged ATX may not come before M+2, and the M+1 ATXs keep the members' weight in M+2.</li>
 *   <li>{@link Merged}: from M+2 the set's builder publishes one merged ATX per epoch, building on each member's
 *       last own ATX. It starts once every member published for M+1, or when epoch M+2 has begun.</li>
 * </ol>
 */
public final class MarriageLifecycle {
    /** The signer's VRF nonce for the set's total units (a search over its labels). */
    @FunctionalInterface
    public interface SetNonce {
        long find(SmesherSetup signer, long totalUnits);
    }

    /** What the builders of the members run as. */
    public sealed interface Stage {
        /** Whether {@code other} runs the same builders (only a change of builders needs them reopened). */
        boolean sameBuilders(Stage other);
    }

    /** Every member alone; the signer with the marriage plan once it is known. */
    public record Solo(Optional<MarriagePlan> plan) implements Stage {
        @Override
        public boolean sameBuilders(Stage other) {
            return other instanceof Solo s && s.plan.isPresent() == plan.isPresent();
        }
    }

    /** Married in {@code marriageAtx} of {@code marriageEpoch}: members alone up to {@link #lastSoloEpoch()}. */
    public record Married(AtxId marriageAtx, EpochId marriageEpoch) implements Stage {
        public EpochId lastSoloEpoch() {
            return EpochId.of(marriageEpoch.value() + 1);
        }

        @Override
        public boolean sameBuilders(Stage other) {
            return equals(other);
        }
    }

    /** The set's merged ATXs. */
    public record Merged(MarriedSet set) implements Stage {
        @Override
        public boolean sameBuilders(Stage other) {
            return other instanceof Merged m && m.set.marriageAtx().equals(set.marriageAtx());
        }
    }

    /** A marriage the node's store holds for the members: its ATX and that ATX's publish epoch. */
    public record KnownMarriage(AtxId marriageAtx, EpochId marriageEpoch) {}

    /**
     * What the node knows now.
     *
     * @param lastPublished each member's last own ATX (its own builder's record), in member order
     * @param marriage      the members' marriage as the store holds it (accepted by the node's handler)
     * @param setStarted    whether the set's builder has saved a state (it runs from then on)
     * @param now           the current epoch
     */
    public record Facts(List<Optional<ActivationTx>> lastPublished, Optional<KnownMarriage> marriage,
                        boolean setStarted, EpochId now) {
        public Facts {
            lastPublished = List.copyOf(lastPublished);
        }
    }

    private final List<SmesherSetup> members;
    private final AtxVersions versions;
    private final SetNonce nonce;

    public MarriageLifecycle(List<SmesherSetup> members, AtxVersions versions, SetNonce nonce) {
        if (members.size() < 2 || members.size() > 256) {
            throw new IllegalArgumentException("a married set has 2 to 256 members, got " + members.size());
        }
        if (versions.v2From().isEmpty()) {
            throw new IllegalArgumentException("marriages need ATX v2, which this network never switches to");
        }
        this.members = List.copyOf(members);
        this.versions = versions;
        this.nonce = nonce;
    }

    public Stage decide(Facts facts) {
        if (facts.lastPublished().size() != members.size()) {
            throw new IllegalArgumentException("one last ATX (or none) per member");
        }
        Optional<KnownMarriage> marriage = facts.marriage().or(() -> publishedMarriage(facts));
        if (marriage.isEmpty()) {
            return new Solo(plan(facts));
        }
        Married married = new Married(marriage.get().marriageAtx(), marriage.get().marriageEpoch());
        boolean everyonePublishedLast = facts.lastPublished().stream().allMatch(a -> a.isPresent()
                && a.get().publishEpoch().value() >= married.lastSoloEpoch().value());
        boolean soloTimeOver = facts.now().value() > married.lastSoloEpoch().value();
        boolean everyoneHasAnAtx = facts.lastPublished().stream().allMatch(Optional::isPresent);
        if (everyoneHasAnAtx && (facts.setStarted() || everyonePublishedLast || soloTimeOver)) {
            return new Merged(set(married, facts));
        }
        return married;
    }

    /**
     * The signer's own last ATX when it carries certificates: published, not yet stored by the handler (or its
     * answer not seen yet). Counted as the marriage, so a node restarted then never marries a second time.
     */
    private Optional<KnownMarriage> publishedMarriage(Facts facts) {
        return facts.lastPublished().get(0)
                .filter(a -> a instanceof ActivationTxV2 v2 && !v2.marriages().isEmpty())
                .map(a -> new KnownMarriage(a.id(), a.publishEpoch()));
    }

    /** The certificates once every partner has an ATX; carried from the first v2 epoch after all of them. */
    private Optional<MarriagePlan> plan(Facts facts) {
        long from = versions.v2From().getAsLong();
        List<MarriageCertificate> certificates = new ArrayList<>();
        for (int i = 1; i < members.size(); i++) {
            Optional<ActivationTx> partnerAtx = facts.lastPublished().get(i);
            if (partnerAtx.isEmpty()) {
                return Optional.empty();
            }
            from = Math.max(from, partnerAtx.get().publishEpoch().value() + 1);
            certificates.add(MarriageCertificate.sign(members.get(i).signer(), members.get(0).signer().nodeId(),
                    partnerAtx.get().id()));
        }
        Optional<ActivationTx> own = facts.lastPublished().get(0);
        if (own.isPresent()) {
            from = Math.max(from, own.get().publishEpoch().value() + 1);
        }
        return Optional.of(new MarriagePlan(EpochId.of(from), certificates));
    }

    private MarriedSet set(Married married, Facts facts) {
        List<AtxId> previous = facts.lastPublished().stream().map(a -> a.orElseThrow().id()).toList();
        long totalUnits = members.stream().mapToLong(SmesherSetup::numUnits).sum();
        return new MarriedSet(members, married.marriageAtx(), married.marriageEpoch(), previous,
                nonce.find(members.get(0), totalUnits));
    }
}
