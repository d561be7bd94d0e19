package io.smnode.core.net;

import io.smnode.core.net.NetworkParams.Atx;
import io.smnode.core.net.NetworkParams.Ballots;
import io.smnode.core.net.NetworkParams.Beacon;
import io.smnode.core.net.NetworkParams.Certificate;
import io.smnode.core.net.NetworkParams.CommitteeUpgrade;
import io.smnode.core.net.NetworkParams.EpochMinimalActiveWeight;
import io.smnode.core.net.NetworkParams.Genesis;
import io.smnode.core.net.NetworkParams.GenesisAccount;
import io.smnode.core.net.NetworkParams.Hare;
import io.smnode.core.net.NetworkParams.Poet;
import io.smnode.core.net.NetworkParams.PoetServer;
import io.smnode.core.net.NetworkParams.Post;
import io.smnode.core.net.NetworkParams.Ratio;
import io.smnode.core.net.NetworkParams.Smeshing;
import io.smnode.core.net.NetworkParams.Sync;
import io.smnode.core.net.NetworkParams.Time;
import io.smnode.core.net.NetworkParams.Tortoise;
import io.smnode.core.net.NetworkParams.Txs;
import io.smnode.core.net.NetworkParams.WindowInterval;
import io.smnode.core.types.Address;
import io.smnode.core.types.Bytes;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameter values of each preset, copied from go-spacemesh at cc65f271 ({@code config/mainnet.go},
 * {@code config/mainnet_accounts.go}, {@code config/presets/*.go}; the local presets start from
 * {@code config.DefaultConfig()} and the package defaults it calls, so their unset fields are those defaults).
 * Where the reference node replaces an unset value at start-up, the replaced value is stored and the line says so.
 */
final class PresetParams {
    // ---- reference defaults shared by several presets ---------------------------------------------------------
    private static final long UINT32_MAX = 0xffff_ffffL;
    private static final long NO_GAS_LIMIT = -1L; // uint64 max
    private static final int HARE_COMMITTEE = 800; // hare3.DefaultConfig
    private static final int HARE_LEADERS = 5;
    private static final int HARE_ITERATIONS = 4;
    private static final Duration HARE_PREROUND_DELAY = Duration.ofSeconds(25);
    private static final Duration HARE_ROUND_DURATION = Duration.ofSeconds(12);
    private static final String HARE_PROTOCOL = "/h/3.0";
    private static final int TORTOISE_WINDOW = 1000; // tortoise.DefaultConfig
    private static final int TORTOISE_MAX_EXCEPTIONS = 5000;
    /** node.go uses 90 when the config leaves MinerGoodAtxsPercent at 0. */
    private static final int MINER_GOOD_ATXS_PERCENT = 90;
    private static final int OPT_FILTER_THRESHOLD = 90;
    private static final int SCRYPT_N = 8192; // post config.DefaultLabelParams
    private static final long COMPUTE_BATCH_SIZE = 1L << 20; // post config.DefaultComputeBatchSize
    private static final int SMESHING_NUM_UNITS = 2; // post config.DefaultInitOpts
    /** post config.DefaultConfig: every byte 0xff (testnet and the local presets keep it). */
    private static final Bytes DEFAULT_POW_DIFFICULTY = Bytes.ofHex("ff".repeat(32));
    private static final Ratio BEACON_Q = new Ratio(1, 3);
    private static final Ratio BEACON_THETA = new Ratio(1, 4);
    /** The local presets' devnet beacon: short rounds so that it fits one epoch of a minute or so. */
    private static final Beacon LOCAL_BEACON = new Beacon(40, BEACON_Q, BEACON_THETA, Duration.ofSeconds(30),
            Duration.ofSeconds(2), Duration.ofSeconds(10), 4, Duration.ofSeconds(2), Duration.ofSeconds(2), 100, 10);
    /** GenerateAddress([]byte("1")): the byte '1' at position 4 of an otherwise zero address. */
    /** The first publish epoch of ATX v2 on mainnet (config {@code main.atx-versions = {45: V2}}). */
    static final long MAINNET_ATX_V2_FROM = 45;
    /** The first publish epoch of ATX v2 on the test networks and devnets. */
    static final long DEVNET_ATX_V2_FROM = 2;
    private static final Address LOCAL_COINBASE = Address.ofHex("00000000" + "31" + "00".repeat(19));

    private PresetParams() {}

    static NetworkParams mainnet() {
        return new NetworkParams(
                "sm",
                new Genesis(Optional.of(Instant.parse("2023-07-14T08:00:00Z")),
                        "00000000000000000001a6bc150307b5c1998045752b3c87eccf3c013036f3cc", MainnetAccounts.LIST),
                new Time(Duration.ofMinutes(5), 4032),
                new Poet(Duration.ofHours(240), Duration.ofHours(12), Duration.ofHours(1), Duration.ofMinutes(50),
                        List.of(
                                poet("https://mainnet-poet-0.spacemesh.network",
                                        "cFnqCS5oER7GOX576oPtahlxB/1y95aDibdK7RHQFVg="),
                                poet("https://mainnet-poet-1.spacemesh.network",
                                        "Qh1efxY4YhoYBEXKPTiHJ/a7n1GsllRSyweQKO3j7m0="),
                                poet("https://poet-110.spacemesh.network",
                                        "8Qqgid+37eyY7ik+EA47Nd5TrQjXolbv2Mdgir243No="),
                                poet("https://poet-111.spacemesh.network",
                                        "caIV0Ym59L3RqbVAL6UrCPwr+z+lwe2TBj57QWnAgtM="),
                                poet("https://poet-112.spacemesh.network",
                                        "5p/mPvmqhwdvf8U0GVrNq/9IN/HmZj5hCkFLAN04g1E="))),
                // go-spacemesh v1.8.0 (PR #6778): ATX v2 from publish epoch 45, i.e. from 2025-04-04 08:00 UTC.
                new Atx(9_331_200, Duration.ofHours(2), Duration.ofMinutes(30), OptionalLong.of(MAINNET_ATX_V2_FROM)),
                new Post(4_294_967_296L, 4, UINT32_MAX, 26, 37, 1,
                        Bytes.ofHex("000dfb23b0979b4b000000000000000000000000000000000000000000000000"), SCRYPT_N),
                new Beacon(40, BEACON_Q, BEACON_THETA, Duration.ofMinutes(10), Duration.ofMinutes(4),
                        Duration.ofMinutes(30), 0, Duration.ofMinutes(4), Duration.ofMinutes(4), 100, 800),
                new Hare(true, 35_117, UINT32_MAX, 400, Optional.of(new CommitteeUpgrade(105_720, 50)), HARE_LEADERS,
                        HARE_ITERATIONS, HARE_PREROUND_DELAY, HARE_ROUND_DURATION, HARE_PROTOCOL, 200, false),
                new Certificate(200),
                new Tortoise(10, 2, 4032, 1000, 4032, List.of(new EpochMinimalActiveWeight(0, 1_000_000)),
                        List.of(new WindowInterval(0, 30_000, 10_000))),
                new Ballots(50, MINER_GOOD_ATXS_PERCENT),
                new Txs(700, 100_107_000, OPT_FILTER_THRESHOLD),
                new Sync(Duration.ofMinutes(1), Duration.ofSeconds(50), false),
                new Smeshing(SMESHING_NUM_UNITS, false, COMPUTE_BATCH_SIZE, Optional.empty()));
    }

    static NetworkParams testnet() {
        return new NetworkParams(
                "stest",
                new Genesis(Optional.of(Instant.parse("2023-09-13T18:00:00Z")),
                        "0000000000000000000000c76c58ebac180989673fd6d237b40e66ed5c976ec3", List.of()),
                new Time(Duration.ofMinutes(5), 288),
                new Poet(Duration.ofHours(12), Duration.ofHours(2), Duration.ofMinutes(10), Duration.ZERO, List.of()),
                // The v1.8 presets (PR #6783) start v2 at epoch 2 on every test network.
                new Atx(666_514, Duration.ofHours(1), Duration.ofMinutes(30), OptionalLong.of(DEVNET_ATX_V2_FROM)),
                new Post(1024, 2, UINT32_MAX, 26, 37, 1, DEFAULT_POW_DIFFICULTY, SCRYPT_N),
                new Beacon(40, BEACON_Q, BEACON_THETA, Duration.ofMinutes(10), Duration.ofMinutes(4),
                        Duration.ofMinutes(30), 20, Duration.ofMinutes(4), Duration.ofMinutes(4), 100, 800),
                // The empty protocol name is the reference's (set by mistake, kept for rolling upgrades).
                new Hare(true, 7366, UINT32_MAX, HARE_COMMITTEE, Optional.empty(), HARE_LEADERS, HARE_ITERATIONS,
                        HARE_PREROUND_DELAY, HARE_ROUND_DURATION, "", 20, false),
                new Certificate(200),
                new Tortoise(10, 2, 10_000, 1000, 4032, List.of(new EpochMinimalActiveWeight(0, 10_000)), List.of()),
                new Ballots(50, MINER_GOOD_ATXS_PERCENT),
                new Txs(700, 100_107_000, OPT_FILTER_THRESHOLD),
                new Sync(Duration.ofMinutes(1), Duration.ofSeconds(50), false),
                new Smeshing(SMESHING_NUM_UNITS, false, COMPUTE_BATCH_SIZE, Optional.empty()));
    }

    static NetworkParams standalone() {
        return new NetworkParams(
                "standalone",
                new Genesis(Optional.empty(), "standalone", List.of()),
                new Time(Duration.ofSeconds(6), 10),
                new Poet(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(12), Duration.ofSeconds(8),
                        List.of(new PoetServer("http://127.0.0.1:10010", Optional.empty()))),
                // The spec's devnet table (spec/README.md) gives standalone the fastnet ATX timing and scrypt N = 2:
                // a one-JVM devnet must initialise its PoST in seconds. (go-spacemesh's standalone.go leaves these at
                // the library defaults, 0 s / 10 s / 8192; no vector pins them, and the issue asks for the table.)
                new Atx(100, Duration.ofSeconds(30), Duration.ofSeconds(1), OptionalLong.of(DEVNET_ATX_V2_FROM)),
                new Post(64, 1, 2, 12, 4, 1, DEFAULT_POW_DIFFICULTY, 2),
                LOCAL_BEACON,
                new Hare(true, 0, UINT32_MAX, HARE_COMMITTEE, Optional.empty(), HARE_LEADERS, HARE_ITERATIONS,
                        Duration.ofSeconds(1), Duration.ofMillis(100), HARE_PROTOCOL, 2, false),
                // Unset in the preset: node.go substitutes the hare committee.
                new Certificate(HARE_COMMITTEE),
                new Tortoise(2, 2, TORTOISE_WINDOW, TORTOISE_MAX_EXCEPTIONS, 0, List.of(), List.of()),
                new Ballots(50, MINER_GOOD_ATXS_PERCENT),
                new Txs(100, NO_GAS_LIMIT, OPT_FILTER_THRESHOLD),
                new Sync(Duration.ofSeconds(3), Duration.ofSeconds(15), true),
                new Smeshing(1, true, COMPUTE_BATCH_SIZE, Optional.of(LOCAL_COINBASE)));
    }

    static NetworkParams localnet() {
        return new NetworkParams(
                "stest",
                new Genesis(Optional.empty(), "fastnet", List.of()),
                new Time(Duration.ofSeconds(15), 4),
                new Poet(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(8),
                        List.of()),
                new Atx(100, Duration.ofSeconds(30), Duration.ofSeconds(1), OptionalLong.of(DEVNET_ATX_V2_FROM)),
                new Post(128, 2, 4, 12, 4, 1, DEFAULT_POW_DIFFICULTY, 2),
                LOCAL_BEACON,
                new Hare(true, 0, UINT32_MAX, HARE_COMMITTEE, Optional.empty(), 10, 2, Duration.ofSeconds(3),
                        Duration.ofMillis(700), HARE_PROTOCOL, 2, false),
                // Unset in the preset: node.go substitutes the hare committee.
                new Certificate(HARE_COMMITTEE),
                new Tortoise(4, 2, TORTOISE_WINDOW, TORTOISE_MAX_EXCEPTIONS, 2, List.of(), List.of()),
                new Ballots(50, 50),
                new Txs(100, NO_GAS_LIMIT, OPT_FILTER_THRESHOLD),
                new Sync(Duration.ofSeconds(5), Duration.ofSeconds(10), false),
                new Smeshing(2, false, 128, Optional.of(LOCAL_COINBASE)));
    }

    /**
     * config.DefaultConfig(). Its genesis time is "now" (not modelled: the caller gives it); its two genesis
     * accounts are the addresses the reference generates at start from the public keys of its test keys
     * {@code Account1Private} and {@code Account2Private} ({@code config/genesis.go}), 10^17 smidge each.
     */
    static NetworkParams referenceDefaults() {
        return new NetworkParams(
                "sm",
                new Genesis(Optional.empty(), "mainnet", List.of(
                        new GenesisAccount("sm1qqqqqqqmx9x30sz69yzljxxs6uhj76vfvs8mksclffzjl", 100_000_000_000_000_000L),
                        new GenesisAccount("sm1qqqqqqq88tmmasqcarfwx706gl0k48aq0f4gx3qxzz02t", 100_000_000_000_000_000L))),
                new Time(Duration.ofSeconds(30), 3),
                new Poet(Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO, List.of()),
                // DefaultConfig leaves AtxVersions empty: v1 forever.
                new Atx(100, Duration.ZERO, Duration.ofSeconds(10), OptionalLong.empty()),
                new Post(512, 1, 100, 26, 37, 37, DEFAULT_POW_DIFFICULTY, SCRYPT_N), // K3 defaults to K2
                new Beacon(40, BEACON_Q, BEACON_THETA, Duration.ofMinutes(2), Duration.ofMinutes(2),
                        Duration.ofHours(1), 300, Duration.ofMinutes(30), Duration.ofMinutes(1), 100, 800),
                new Hare(false, 0, UINT32_MAX, HARE_COMMITTEE, Optional.empty(), HARE_LEADERS, HARE_ITERATIONS,
                        HARE_PREROUND_DELAY, HARE_ROUND_DURATION, HARE_PROTOCOL, 1, false),
                new Certificate(HARE_COMMITTEE),
                new Tortoise(10, 8, TORTOISE_WINDOW, TORTOISE_MAX_EXCEPTIONS, 0, List.of(), List.of()),
                new Ballots(0, MINER_GOOD_ATXS_PERCENT),
                new Txs(100, NO_GAS_LIMIT, OPT_FILTER_THRESHOLD),
                new Sync(Duration.ofSeconds(10), Duration.ofSeconds(15), false),
                new Smeshing(SMESHING_NUM_UNITS, false, COMPUTE_BATCH_SIZE, Optional.empty()));
    }

    private static PoetServer poet(String address, String pubkeyBase64) {
        return new PoetServer(address, Optional.of(Bytes.wrap(Base64.getDecoder().decode(pubkeyBase64))));
    }

    /** The mainnet genesis ledger ({@code config/mainnet_accounts.go}; 28 accounts, 1.5 * 10^17 smidge). */
    private static final class MainnetAccounts {
        static final List<GenesisAccount> LIST = List.of(
                new GenesisAccount("sm1qqqqqqylyl2l0zsmmax0wnutt4dwnrkcwef5eeq3xladz", 2_743_200_000_000_000L),
                new GenesisAccount("sm1qqqqqqyp8ueuuh2dgrc2g6ps4xvueyjpky6rfaqnxdy97", 5_867_100_000_000_000L),
                new GenesisAccount("sm1qqqqqqzgmt5vv4jgucas8vvrlu4daa4r29cunwqpv0trt", 1_022_800_000_000_000L),
                new GenesisAccount("sm1qqqqqq80we5pmwztmqgpxu6xasapgn65r4xjczqxu39a2", 409_000_000_000_000L),
                new GenesisAccount("sm1qqqqqqy6anfdew2sdtvuuaffjy0l7ssu9r8vjsss5c442", 2_045_400_000_000_000L),
                new GenesisAccount("sm1qqqqqqyw9lvmmayckrxlnf8u7850tsjdg8zz6dg956gxg", 270_600_000_000_000L),
                new GenesisAccount("sm1qqqqqq9a8g5act6ewmmmmmux8l570kr6l68htzsq94wg4", 4_090_900_000_000_000L),
                new GenesisAccount("sm1qqqqqqrgqc65x5q6exujgjs970fvcakd790na3gsr3uu7", 333_300_000_000_000L),
                new GenesisAccount("sm1qqqqqqpc4ppx8s4gmdaa5tzg35s6l3v6ujg6hmqz3s4lc", 859_100_000_000_000L),
                new GenesisAccount("sm1qqqqqq8za0geafhj4avegdwhtaw9fmgjh07s55cufk695", 293_300_000_000_000L),
                new GenesisAccount("sm1qqqqqqpf6djx3axy7aag8zhyf84ljsulhfypfxgpw5y0u", 1_990_600_000_000_000L),
                new GenesisAccount("sm1qqqqqq827v998nt99vupxlrfucdk0tapp2hjyygmn3kyd", 409_100_000_000_000L),
                new GenesisAccount("sm1qqqqqqpc55ghjq6sxf5k77yc8n82fkwhlj0jedcgw2zck", 4_909_100_000_000_000L),
                new GenesisAccount("sm1qqqqqqxq54zvz484hhcnrghnqrjlw26twwld32slz3lxa", 191_800_000_000_000L),
                new GenesisAccount("sm1qqqqqqyf5uc2n8mutm3tuateu5efcm9awvrclmcm5mhdf", 2_933_540_000_000_000L),
                new GenesisAccount("sm1qqqqqq99klpy92mwlfcft5lmz8q5sef2v2qvtucd9y55v", 2_933_540_000_000_000L),
                new GenesisAccount("sm1qqqqqqyjpjgup8fz32cufcv2nlqrr3nyvge7akqt0daea", 2_933_540_000_000_000L),
                new GenesisAccount("sm1qqqqqq8zukfwtggnfq4jaqpv6m8xgtg5ay2ezaqpr2w6y", 2_933_540_000_000_000L),
                new GenesisAccount("sm1qqqqqqrhftrq9knsetema7dt0qfzgd5a20m9rcczk0gk5", 2_933_540_000_000_000L),
                new GenesisAccount("sm1qqqqqqyfq5f522mmrzs4lczhaf30jh4pmqyfrzcg8vrpc", 3_303_792_000_000_000L),
                new GenesisAccount("sm1qqqqqqx55z5795569fq5kym3gw2h6zp6ajeh46c5wtrzf", 455_300_000_000_000L),
                new GenesisAccount("sm1qqqqqqyvet26gqsxjt6w50nnp80jvajr3n25xzsdpxn65", 831_250_000_000_000L),
                new GenesisAccount("sm1qqqqqqzgqpjxdw77aw74f8mz540rykda4x2jgjgaca7z5", 184_375_000_000_000L),
                new GenesisAccount("sm1qqqqqq9s5l9tc87wspycr68dfagmzxplzdn7zlcymnkup", 15_000_000_000_000L),
                new GenesisAccount("sm1qqqqqqptx3mdg4gm67arv4ykau6nfy6w9v03x9s49wmru", 100_000_000_000_000L),
                new GenesisAccount("sm1qqqqqq9fwfymdr7qv0tfc3ppa4q8ara6qm7kwugw9gdme", 500_000_000_000_000L),
                new GenesisAccount("sm1qqqqqqy3fc8nvdetan6qjz5cju7h4c60mjyvdlqnlqpxu", 15_688_500_000_000_000L),
                new GenesisAccount("sm1qqqqqqrt64knhuxu3kzq50ak04nrkk9yf2zxprshmvkcy", 88_818_783_000_000_000L));

        private MainnetAccounts() {}
    }
}
