package io.smnode.activation.malfeasance;

import io.smnode.activation.AtxHeader;
import io.smnode.activation.AtxHistory;
import io.smnode.activation.AtxRecord;
import io.smnode.activation.AtxValidation;
import io.smnode.activation.marriage.EquivocationSetStore;
import io.smnode.activation.marriage.EquivocationSets;
import io.smnode.activation.marriage.SetChange;
import io.smnode.activation.v2.ValidatedAtxV2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the ATX handler does with a valid v2 ATX (spec 11 §5.3), decided before anything is written: the record and
 * the marriage change to write in one atomic batch ({@code LmdbAtxStore.put(record, change)}), then the proofs to
 * publish ({@link MalfeasancePublisher}), and whether the signer enters the ATX index as malicious.
 *
 * @param maliciousSigner the index flag: a certified identity was already malicious, or a proof was found
 * @param regossip        the marriage made new members malicious: re-gossip the existing proof of the set
 * @param proofs          InvalidPost proofs first (made while validating), then the storing check's proof
 * @param refusal         present when the reference's storing would fail: store nothing, publish nothing
 */
public record AtxStorePlan(AtxRecord record, SetChange change, boolean maliciousSigner, boolean regossip,
                           List<Detected> proofs, Optional<String> refusal) {
    public AtxStorePlan {
        proofs = List.copyOf(proofs);
    }

    public static AtxStorePlan of(AtxValidation validation, AtxHistory store, EquivocationSetStore sets,
                                  AtxMalfeasanceDetector detector) {
        AtxHeader header = validation.header().orElseThrow(() ->
                new IllegalArgumentException("only a valid ATX is stored: " + validation));
        ValidatedAtxV2 found = validation.v2().orElseThrow(() ->
                new IllegalArgumentException("not a v2 validation: " + validation));
        AtxRecord record = AtxRecord.ofV2(found.atx(), header, found.posts());
        List<Detected> proofs = new ArrayList<>(detector.invalidPosts(found, store));
        SetChange change = SetChange.NONE;
        boolean malicious = false;
        boolean regossip = false;
        if (!found.marriages().isEmpty()) {
            EquivocationSets.MarriageOutcome m = EquivocationSets.marry(sets, header.id(), header.smesherId(),
                    found.marriages());
            change = m.change();
            malicious = m.malicious();
            regossip = m.regossip();
        }
        if (malicious) {
            return new AtxStorePlan(record, change, true, regossip, proofs, Optional.empty());
        }
        AtxMalfeasanceDetector.Finding f = detector.check(found, store, sets);
        if (f.refusal().isPresent()) {
            return new AtxStorePlan(record, SetChange.NONE, false, false, List.of(), f.refusal());
        }
        f.proof().ifPresent(proofs::add);
        return new AtxStorePlan(record, change, f.proof().isPresent(), false, proofs, Optional.empty());
    }
}
