package io.smnode.actors.component;

import java.util.List;

/**
 * The stable names of the node's components: their actor names under the guardian, the names fault plans use, and
 * the names in log lines. The README lists them; renaming one breaks operators' fault plans and dashboards.
 */
public final class ComponentNames {
    /** The single LMDB writer. */
    public static final String STORAGE = "storage";
    /** Layer and epoch ticks. */
    public static final String CLOCK = "clock";
    /** Persists the last layer seen and exports it. */
    public static final String LAYER_RECORDER = "layer-recorder";
    /** The embedded PoET service. */
    public static final String POET = "poet";
    /** The HTTP client of a remote PoET. */
    public static final String POET_CLIENT = "poet-client";
    /** The builder's port to its PoET (registration with PoW, proof fetch). */
    public static final String POET_PORT = "poet-port";
    /** PoST: initialization through the worker pool, proving, progress. */
    public static final String POST = "post";
    /** Receives, validates (through the validation pool), stores and indexes ATXs; answers weights and slots. */
    public static final String ATX_HANDLER = "atx-handler";
    /** The pool of ATX validation workers behind a bounded queue. */
    public static final String ATX_VALIDATION = "atx-validation";
    /** This node's smeshing identity: PoST set-up, then the ATX builder and its PoET port. */
    public static final String SMESHING = "smeshing";
    /** The ATX builder of the smeshing identity. */
    public static final String ATX_BUILDER = "atx-builder";
    /** The API: gRPC listeners, the JSON gateway, the status page, the registered post services. */
    public static final String API = "api";

    /** The gossip port: this node's publications and peers' messages to each topic's intake, with verdicts. */
    public static final String GOSSIP = "gossip";
    /** The fetch port: objects asked of peers by id (a lone node drops the asks). */
    public static final String FETCH = "fetch";
    /** The consensus components' parent and router (hand-overs, layer starts, the epochs' active sets). */
    public static final String CONSENSUS = "consensus";
    /** The single writer of tortoise state. */
    public static final String TORTOISE = "tortoise";
    /** Proposals and ballots in: checks in parallel workers, then the tortoise, then stored. */
    public static final String PROPOSAL_HANDLER = "proposal-handler";
    /** Hare: one session per layer, committee eligibility, rounds on timers. */
    public static final String HARE = "hare";
    /** The block generator and certifier. */
    public static final String BLOCKS = "blocks";
    /** The applied mesh with the VM: applies and reverts layers, state and mesh hash per layer, rewards. */
    public static final String MESH = "mesh";
    /** This node's ballots and proposals in every eligible layer. */
    public static final String PROPOSAL_BUILDER = "proposal-builder";
    /** The beacon of each epoch (genesis, protocol, fallback). */
    public static final String BEACON = "beacon";
    /** Malfeasance proofs: stores them, marks identities malicious everywhere. */
    public static final String MALFEASANCE = "malfeasance";
    /** Test mode: persists the virtual clock's reading. */
    public static final String VIRTUAL_CLOCK = "virtual-clock";
    /** Transaction intake and the conservative mempool. */
    public static final String MEMPOOL = "mempool";
    /** The libp2p host: gossip topics, fetch servers, the fetcher. */
    public static final String P2P = "p2p";

    /** Cluster, consensus member: hands out PoST initialization of identities to post members, in label ranges. */
    public static final String POST_COORDINATOR = "post-coordinator";
    /** Cluster, validation member: the workers that pull ATX validation jobs from the consensus member. */
    public static final String VALIDATION_MEMBER = "validation-member";
    /** Cluster, post member: range workers writing this member's disk and a prover per identity kept here. */
    public static final String POST_MEMBER = "post-member";

    public static final List<String> ALL = List.of(STORAGE, CLOCK, LAYER_RECORDER, POET, POET_CLIENT, POET_PORT, POST,
            ATX_HANDLER, ATX_VALIDATION, SMESHING, ATX_BUILDER, GOSSIP, FETCH, CONSENSUS, TORTOISE, PROPOSAL_HANDLER,
            HARE, BLOCKS, MESH, PROPOSAL_BUILDER, BEACON, MALFEASANCE, MEMPOOL, VIRTUAL_CLOCK, API,
            POST_COORDINATOR, VALIDATION_MEMBER, POST_MEMBER, P2P);

    private ComponentNames() {}
}
