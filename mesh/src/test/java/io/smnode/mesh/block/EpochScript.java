package io.smnode.mesh.block;

import io.smnode.core.address.Principal;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Eligibility;
import io.smnode.mesh.proposal.EligibilityProof;
import io.smnode.mesh.proposal.EpochData;
import io.smnode.mesh.proposal.InnerBallot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.proposal.Votes;
import io.smnode.vm.Vm;
import io.smnode.vm.VmConfig;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.InvalidTxException;
import io.smnode.vm.tx.TxBuilder;
import io.smnode.vm.tx.TxParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scripted epoch: 4 layers per epoch (effective genesis 7, epoch 2 = layers 8..11), three smeshers with real
 * Ed25519/VRF keys and ATXs, two spawned wallets funded at genesis, a third address that receives only, and
 * everything blocks read (ATXs, ballots, transactions, own mesh hashes) in maps. Keys come from BLAKE3 of a label.
 */
final class EpochScript implements BlockSources, MeshSources {
    static final int LAYERS_PER_EPOCH = 4;
    static final LayerId EFFECTIVE_GENESIS = LayerId.of(7);
    static final EpochId EPOCH = EpochId.of(2);
    static final Hash20 GENESIS_ID = Hash20.ofHex("9eebff023abb17ccb775c602daade8ed708f0a50");
    static final Bytes PREFIX = Bytes.of(GENESIS_ID.toByteArray());
    static final Beacon BEACON = Beacon.ofHex("0a0b0c0d");
    static final Hash32 ACTIVE_SET = Hash32.ofHex("ab".repeat(32));
    static final long VRF_NONCE = 3;

    /** A smesher: signing key, its ATX for epoch 2 and the ATX facts blocks use. */
    record Smesher(EdSigner signer, AtxId atx, AtxInfo info) {}

    /** A wallet: key and principal address. */
    record Wallet(EdSigner signer, Address address) {}

    final Vm vm = new Vm(new VmConfig(GENESIS_ID, -1L, LAYERS_PER_EPOCH));
    final Ledger ledger = new Ledger();
    final Map<AtxId, AtxInfo> atxs = new HashMap<>();
    final Map<BallotId, Ballot> ballots = new HashMap<>();
    final Map<TxId, Bytes> raw = new HashMap<>();
    final Map<TxId, KnownTx> known = new HashMap<>();
    final Map<LayerId, Hash32> ownMeshHashes = new HashMap<>();
    MeshState mesh;
    /** When set, ATXs are served for every epoch (the benchmark runs past epoch 2). */
    boolean atxsInEveryEpoch;

    // weight / eligibility count: A 100/3, B 200/3, C 300/2; base heights 100, 300, 200
    final Smesher a = smesher("A", 100, 100);
    final Smesher b = smesher("B", 200, 300);
    final Smesher c = smesher("C", 300, 200);
    final Wallet u1 = wallet("U1");
    final Wallet u2 = wallet("U2");
    final Address u3 = wallet("U3").address();

    EpochScript() {
        // U1 and U2 are spawned wallets from the start (nonce 0): 1 000 000 and 500 000 smidge.
        ledger.applyGenesis(List.of(spawned(u1, 1_000_000), spawned(u2, 500_000)));
    }

    /** Another spawned wallet funded at genesis (before any layer is applied). */
    Wallet fundedWallet(String name, long balance) {
        Wallet w = wallet(name);
        ledger.applyGenesis(List.of(spawned(w, balance)));
        return w;
    }

    MeshState newMesh() {
        mesh = new MeshState(vm, ledger, this, EFFECTIVE_GENESIS);
        return mesh;
    }

    private static EdSigner signer(String label) {
        return EdSigner.fromSeed(Blake3.hash(label.getBytes(StandardCharsets.UTF_8)).toByteArray(), PREFIX);
    }

    private Smesher smesher(String name, long weight, long baseHeight) {
        EdSigner s = signer("smesher-" + name);
        AtxId atx = AtxId.of(Blake3.hash(("atx-" + name).getBytes(StandardCharsets.UTF_8)).toByteArray());
        Address coinbase = Principal.wallet(signer("coinbase-" + name).nodeId());
        AtxInfo info = new AtxInfo(s.nodeId(), coinbase, weight, baseHeight);
        atxs.put(atx, info);
        return new Smesher(s, atx, info);
    }

    private static Wallet wallet(String name) {
        EdSigner s = signer("wallet-" + name);
        return new Wallet(s, Principal.wallet(s.nodeId()));
    }

    private static Account spawned(Wallet w, long balance) {
        Bytes state = Bytes.of(new WalletState(Hash32.of(w.signer().nodeId().toByteArray())).encode());
        return new Account(LayerId.of(0), w.address(), 0, balance, Optional.of(TemplateKind.WALLET.address()), state);
    }

    /** A signed wallet spend, stored with the header parsed against the current ledger. */
    TxId spend(Wallet from, long nonce, long gasPrice, Address to, long amount) {
        byte[] unsigned = TxBuilder.unsigned(from.address(), Methods.SPEND, Optional.empty(), nonce, gasPrice,
                new SpendArgs(to, amount));
        byte[] tx = TxBuilder.signSingle(unsigned, from.signer());
        TxId id = TxParser.idOf(tx);
        raw.put(id, Bytes.of(tx));
        try {
            known.put(id, new KnownTx(id, Optional.of(TxParser.parse(tx, ledger).header()), false));
        } catch (InvalidTxException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** {@code proofs} real VRF slot proofs of the smesher for epoch 2 (the block builder only counts them). */
    List<EligibilityProof> proofs(Smesher s, int proofs) {
        List<EligibilityProof> out = new ArrayList<>();
        for (long j = 0; j < proofs; j++) {
            out.add(new EligibilityProof(j, s.signer().vrfSigner().prove(
                    Eligibility.vrfMessage(BEACON, EPOCH, VRF_NONCE, j))));
        }
        return out;
    }

    /** A reference ballot (carries the epoch's eligibility count), stored. */
    Ballot referenceBallot(Smesher s, LayerId layer, long eligibilityCount, int proofs) {
        InnerBallot inner = new InnerBallot(layer, s.atx(), Hash32.ZERO, BallotId.ZERO,
                Optional.of(new EpochData(ACTIVE_SET, BEACON, eligibilityCount)));
        Ballot ballot = sign(s, inner, proofs(s, proofs));
        ballots.put(ballot.id(), ballot);
        return ballot;
    }

    /** A later ballot of the same epoch naming its reference ballot, stored. */
    Ballot secondaryBallot(Smesher s, LayerId layer, Ballot reference, int proofs) {
        InnerBallot inner = new InnerBallot(layer, s.atx(), Hash32.ZERO, reference.id(), Optional.empty());
        Ballot ballot = sign(s, inner, proofs(s, proofs));
        ballots.put(ballot.id(), ballot);
        return ballot;
    }

    private static Ballot sign(Smesher s, InnerBallot inner, List<EligibilityProof> proofs) {
        Votes votes = new Votes(BallotId.ZERO, List.of(), List.of(), List.of());
        Ballot unsigned = new Ballot(inner, Signature.of(new byte[64]), s.signer().nodeId(), votes, proofs, List.of());
        Signature sig = s.signer().sign(Domain.BALLOT, unsigned.metadata().encode());
        return new Ballot(inner, sig, s.signer().nodeId(), votes, proofs, List.of());
    }

    static Proposal proposal(Smesher s, Ballot ballot, List<TxId> txs, Hash32 meshHash) {
        Proposal unsigned = new Proposal(ballot, txs, meshHash, Signature.of(new byte[64]));
        return unsigned.withSignature(s.signer().sign(Domain.PROPOSAL, unsigned.metadata().encode()));
    }

    long balance(Address a) {
        return ledger.get(a).balance();
    }

    long nextNonce(Address a) {
        return ledger.get(a).nextNonce();
    }

    @Override
    public Optional<AtxInfo> atx(EpochId epoch, AtxId id) {
        return epoch.equals(EPOCH) || atxsInEveryEpoch ? Optional.ofNullable(atxs.get(id)) : Optional.empty();
    }

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return Optional.ofNullable(ballots.get(id));
    }

    @Override
    public Optional<KnownTx> tx(TxId id) {
        KnownTx tx = known.get(id);
        if (tx == null || mesh == null) {
            return Optional.ofNullable(tx);
        }
        return Optional.of(new KnownTx(id, tx.header(), mesh.txAppliedIn(id).isPresent()));
    }

    @Override
    public Optional<Hash32> aggregatedHash(LayerId layer) {
        return Optional.ofNullable(ownMeshHashes.get(layer));
    }

    @Override
    public Optional<Bytes> rawTx(TxId id) {
        return Optional.ofNullable(raw.get(id));
    }
}
