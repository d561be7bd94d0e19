package io.smnode.activation.builder;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import java.util.List;

/**
 * A married set whose members this node runs, publishing one merged ATX per epoch (spec 11 §4): the members in
 * their set order (a member's position is its marriage index; the first one signs), the marriage ATX and its
 * publish epoch (merged ATXs start two epochs later), each member's last ATX before the first merged one (the
 * members' own builders stop publishing when the set's starts), and the signer's VRF nonce, valid for the total
 * units of all members.
 *
 * @param vrfNonce the bits of a u64 label index of the signer's data qualifying for the members' summed units
 */
public record MarriedSet(List<SmesherSetup> members, AtxId marriageAtx, EpochId marriageEpoch,
                         List<AtxId> previousAtxs, long vrfNonce) {
    public MarriedSet {
        members = List.copyOf(members);
        previousAtxs = List.copyOf(previousAtxs);
        if (members.size() < 2 || members.size() > 256) {
            throw new IllegalArgumentException("a married set has 2 to 256 members, got " + members.size());
        }
        if (previousAtxs.size() != members.size()) {
            throw new IllegalArgumentException("one previous ATX per member: " + previousAtxs.size() + " for "
                    + members.size());
        }
    }

    /** The first epoch a merged ATX may be published in. */
    public EpochId firstEpoch() {
        return EpochId.of(marriageEpoch.value() + 2);
    }
}
