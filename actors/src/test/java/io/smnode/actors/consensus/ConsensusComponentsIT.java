package io.smnode.actors.consensus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.activation.AtxHeader;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.VirtualClock;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.FetchPort;
import io.smnode.actors.gossip.GossipNetwork;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.address.Principal;
import io.smnode.core.hash.Blake3;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Beacon;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.Verdict;
import io.smnode.hare.HareConfig;
import io.smnode.hare.HareTiming;
import io.smnode.mesh.block.BlockConfig;
import io.smnode.mesh.block.CertConfig;
import io.smnode.mesh.pipeline.PipelineConfig;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.proposal.SlotRule;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.persistence.InMemoryStore;
import io.smnode.persistence.Schema;
import io.smnode.persistence.Store;
import io.smnode.persistence.Table;
import io.smnode.persistence.WriteBatch;
import io.smnode.persistence.atx.AtxTables;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.vm.VmConfig;
import io.smnode.vm.state.Account;
import io.smnode.vm.template.Methods;
import io.smnode.vm.template.SpendArgs;
import io.smnode.vm.template.TemplateKind;
import io.smnode.vm.template.WalletState;
import io.smnode.vm.tx.TxBuilder;
import io.smnode.vm.tx.TxParser;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The consensus components in one actor system over an in-memory store, as one smeshing node: one ATX an epoch, the
 * genesis beacon, a funded wallet among the genesis accounts, 1 s layers. The node makes its ballots and proposals,
 * agrees and applies every layer; a transaction sent through the gossip port is stored by the mempool, carried by
 * the next proposal, executed when its layer is applied and its receipt stored — first the wallet's spawn, then a
 * spend on it; the balances are what the receipts charged.
 */
class ConsensusComponentsIT {
    private static final int LAYERS_PER_EPOCH = 4;
    private static final Bytes PREFIX = Bytes.of(Arrays.copyOf(Blake3.hash(bytes("components")).toByteArray(),
            Hash20.LENGTH));
    private static final EdSigner SMESHER = EdSigner.fromSeed(Blake3.hash(bytes("smesher")).toByteArray(), PREFIX);
    private static final EdSigner WALLET = EdSigner.fromSeed(Blake3.hash(bytes("wallet")).toByteArray(), PREFIX);
    private static final Address SPENDER = Principal.wallet(WALLET.nodeId());
    private static final Address PAYEE = Address.of(Arrays.copyOf(Blake3.hash(bytes("payee")).toByteArray(),
            Address.LENGTH));
    private static final Address COINBASE = Address.of(Arrays.copyOf(Blake3.hash(bytes("coinbase")).toByteArray(),
            Address.LENGTH));
    private static final long FUNDS = 1_000_000_000_000L;
    private static final Duration LAYER = Duration.ofSeconds(1);

    private final ActorTestKit kit = ActorTestKit.create();
    private final Store store = InMemoryStore.open(Schema.of(1, tables()));
    private final StoreMeshReads reads = new StoreMeshReads(store);

    @AfterEach
    void stop() {
        kit.shutdownTestKit();
    }

    @Test
    void aLayerWithTransactionsIsAppliedAndItsReceiptsStored() {
        Instant genesis = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minus(LAYER.multipliedBy(6));
        LayerClock layers = new LayerClock(genesis, LAYER, LAYERS_PER_EPOCH);
        for (long e = 2; e <= 6; e++) {
            storeAtx(EpochId.of(e));
        }
        VirtualClock clock = new VirtualClock(layers.layerStart(LayerId.of(6)), 1, System::nanoTime);
        ActorRef<StorageActor.Command> storage = kit.spawn(StorageActor.create(store));
        ActorRef<ClockActor.Command> ticks = kit.spawn(ClockActor.create(layers, clock));
        ActorRef<GossipPort.Command> gossip = kit.spawn(GossipPort.create(GossipNetwork.NONE, 10, ticks));
        ActorRef<FetchPort.Command> fetch = kit.spawn(FetchPort.create(FetchNetwork.NONE));
        ActorRef<AtxHandlerActor.Command> atxs = kit.spawn(Behaviors.receiveMessage(c -> {
            if (c instanceof AtxHandlerActor.GetActiveSet g) {
                g.replyTo().tell(new AtxHandlerActor.ActiveSet(g.targetEpoch(), g.targetEpoch().value() >= 2
                        ? List.of(atxId(g.targetEpoch())) : List.of()));
            }
            return Behaviors.same();
        }));
        kit.spawn(ConsensusActor.create(new ConsensusSetup(config(), List.of(SMESHER), store, layers, clock, storage,
                ticks, atxs, gossip, fetch, Optional.of(Beacon.of(Arrays.copyOf(PREFIX.toByteArray(), Beacon.LENGTH))),
                ComponentFactory.withoutFaults(), ConsensusGauges.unregistered(), 2, 100,
                List.of(Account.empty(SPENDER).withBalance(FUNDS)), clock::resume)));

        Bytes spawn = tx(Methods.SPAWN, 0, new WalletState(Hash32.of(WALLET.nodeId().toByteArray())));
        TxReceipt spawned = await(send(gossip, spawn));
        Bytes spend = tx(Methods.SPEND, 1, new SpendArgs(PAYEE, 1000));
        TxReceipt spent = await(send(gossip, spend));

        assertTrue(spawned.failure().isEmpty() && spent.failure().isEmpty(), spawned + ", " + spent);
        assertTrue(spent.layer().compareTo(spawned.layer()) > 0);
        Account spender = reads.account(SPENDER).orElseThrow();
        assertEquals(FUNDS - spawned.fee() - spent.fee() - 1000, spender.balance());
        assertEquals(2, spender.nextNonce());
        assertEquals(Optional.of(TemplateKind.WALLET.address()), spender.template());
        assertEquals(1000, reads.account(PAYEE).orElseThrow().balance());
        assertTrue(reads.block(reads.layer(spent.layer()).orElseThrow().block()).orElseThrow().inner().txIds()
                .contains(TxParser.idOf(spend.toByteArray())), "the applied block carries the spend");
        List<Long> rewarded = new ArrayList<>();
        for (long l = 8; l <= spent.layer().value(); l++) {
            reads.rewards(LayerId.of(l)).forEach(r -> rewarded.add(r.layer().value()));
        }
        assertEquals(spent.layer().value() - 7, rewarded.size(), "every layer from the first with ballots paid: "
                + rewarded);
    }

    private TxId send(ActorRef<GossipPort.Command> gossip, Bytes tx) {
        TestProbe<Verdict> verdict = kit.createTestProbe();
        gossip.tell(new GossipPort.Publish(Topic.TX, tx, Optional.of(verdict.ref())));
        assertTrue(verdict.receiveMessage(Duration.ofSeconds(10)).accepted());
        return TxParser.idOf(tx.toByteArray());
    }

    /** The transaction's receipt, once a layer that executed it is applied. */
    private TxReceipt await(TxId id) {
        TestProbe<Object> probe = kit.createTestProbe();
        return probe.awaitAssert(Duration.ofSeconds(30), Duration.ofMillis(100),
                () -> reads.receipt(id).orElseThrow(() -> new AssertionError("no receipt of " + id.hex() + " yet")));
    }

    private static Bytes tx(int method, long nonce, io.smnode.vm.template.MethodArgs args) {
        Optional<Address> template = method == Methods.SPAWN ? Optional.of(TemplateKind.WALLET.address())
                : Optional.empty();
        return Bytes.of(TxBuilder.signSingle(TxBuilder.unsigned(SPENDER, method, template, nonce, 1, args), WALLET));
    }

    private static AtxId atxId(EpochId target) {
        return AtxId.of(Blake3.hash(bytes("atx"), new byte[] {(byte) target.value()}).toByteArray());
    }

    /** The smesher's ATX targeting {@code target}: its header and its PoST row by identity, as the handler stores. */
    private void storeAtx(EpochId target) {
        AtxId id = atxId(target);
        EpochId publish = EpochId.of(target.value() - 1);
        AtxHeader header = new AtxHeader(id, publish, target.value(), id, COINBASE, 4, 100 * target.value(), 100, 7,
                SMESHER.nodeId(), 400, AtxHeader.Validity.VALID);
        byte[] key = ByteBuffer.allocate(32 + 8 + 32).put(SMESHER.nodeId().toByteArray()).putLong(publish.value())
                .put(id.toByteArray()).array();
        store.write(WriteBatch.builder().put(AtxTables.ATX_HEADERS, id, header)
                .put(AtxTables.POSTS_BY_IDENTITY, Bytes.of(key), Bytes.EMPTY).build());
    }

    private static PipelineConfig config() {
        NetworkParams.Beacon beacon = new NetworkParams.Beacon(40, new NetworkParams.Ratio(1, 3),
                new NetworkParams.Ratio(1, 4), Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(10), 4,
                Duration.ofSeconds(2), Duration.ofSeconds(2), 100, 10);
        TortoiseConfig tortoise = new TortoiseConfig(4, 2, 100, 1000, 0, 20, LAYERS_PER_EPOCH, 7);
        return new PipelineConfig(PREFIX, LAYERS_PER_EPOCH, LayerId.of(7), new HareConfig(800, Optional.empty(), 5, 4),
                new HareTiming(Duration.ofMillis(200), Duration.ofMillis(40)), 2, LayerId.of(0),
                LayerId.of(LayerId.MAX), tortoise, 20, List.of(), new BlockConfig(-1L, 90), CertConfig.of(800, 2), 100,
                new VmConfig(Hash20.of(PREFIX.toByteArray()), -1L, LAYERS_PER_EPOCH), beacon, SlotRule.VRF, 100, 10);
    }

    private static List<Table<?, ?>> tables() {
        List<Table<?, ?>> all = new ArrayList<>(AtxTables.ALL);
        all.addAll(MeshTables.ALL);
        return all;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
