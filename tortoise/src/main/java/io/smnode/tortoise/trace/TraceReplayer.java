package io.smnode.tortoise.trace;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.tortoise.AtxInfo;
import io.smnode.tortoise.BallotInput;
import io.smnode.tortoise.BlockHeader;
import io.smnode.tortoise.DecodeResult;
import io.smnode.tortoise.DecodedBallot;
import io.smnode.tortoise.EpochData;
import io.smnode.tortoise.Opinion;
import io.smnode.tortoise.Tortoise;
import io.smnode.tortoise.TortoiseConfig;
import io.smnode.tortoise.Votes;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Feeds a recorded trace back into a fresh {@link Tortoise} (built from the trace's first, "config", line) and
 * returns the trace of the replay. A deterministic tortoise gives back exactly the recorded lines, outputs
 * included, so {@code replay(lines).equals(lines)} is the check.
 */
public final class TraceReplayer {
    private final List<String> out = new ArrayList<>();
    private final Map<BallotId, DecodedBallot> decoded = new HashMap<>();
    private Tortoise tortoise;

    private TraceReplayer() {}

    public static List<String> replay(List<String> lines) throws TraceFormatException {
        TraceReplayer r = new TraceReplayer();
        for (int i = 0; i < lines.size(); i++) {
            try {
                r.apply(obj(TraceJson.parse(lines.get(i))));
            } catch (TraceFormatException | RuntimeException e) {
                throw new TraceFormatException("line " + (i + 1) + ": " + e.getMessage());
            }
        }
        return r.out;
    }

    private void apply(Map<String, Object> e) throws TraceFormatException {
        String type = str(e, "t");
        if (tortoise == null && !type.equals("config")) {
            throw new TraceFormatException("a trace starts with its config");
        }
        switch (type) {
            case "config" -> {
                List<TortoiseConfig.WindowInterval> windows = new ArrayList<>();
                for (Object o : list(e.get("historical_windows"))) {
                    Map<String, Object> w = obj(o);
                    windows.add(new TortoiseConfig.WindowInterval(num(w, "start"), num(w, "end"), integer(w, "window")));
                }
                tortoise = new Tortoise(new TortoiseConfig(integer(e, "hdist"), integer(e, "zdist"),
                        integer(e, "window_size"), integer(e, "max_exceptions"),
                        integer(e, "bad_beacon_vote_delay_layers"), integer(e, "layer_size"),
                        integer(e, "layers_per_epoch"), num(e, "effective_genesis"), windows), new Tracer(out::add));
            }
            case "atx" -> tortoise.onAtx(EpochId.of(num(e, "epoch")), AtxId.ofHex(str(e, "id")),
                    new AtxInfo(NodeId.ofHex(str(e, "node")), num(e, "weight"), num(e, "height"), bool(e, "malicious")));
            case "beacon" -> tortoise.onBeacon(EpochId.of(num(e, "epoch")), Bytes.ofHex(str(e, "beacon")));
            case "malfeasance" -> tortoise.onMalfeasance(NodeId.ofHex(str(e, "node")));
            case "weak_coin" -> tortoise.onWeakCoin(LayerId.of(num(e, "layer")), bool(e, "coin"));
            case "block" -> tortoise.onBlock(header(e));
            case "recovered_blocks" -> tortoise.onRecoveredBlocks(LayerId.of(num(e, "layer")), headers(e.get("valid")),
                    headers(e.get("invalid")), e.get("hare") == null ? Optional.empty()
                            : Optional.of(BlockId.ofHex(str(e, "hare"))));
            case "hare" -> tortoise.onHareOutput(LayerId.of(num(e, "layer")), BlockId.ofHex(str(e, "block")));
            case "decode_ballot" -> {
                BallotInput ballot = ballot(e);
                if (tortoise.decodeBallot(ballot) instanceof DecodeResult.Decoded d) {
                    decoded.put(ballot.id(), d.ballot());
                }
            }
            case "store_ballot" -> {
                DecodedBallot d = decoded.remove(BallotId.ofHex(str(e, "id")));
                if (d == null) {
                    throw new TraceFormatException("store of a ballot that was not decoded");
                }
                tortoise.storeBallot(d);
            }
            case "tally" -> tortoise.tallyVotes(LayerId.of(num(e, "layer")));
            case "encode_votes" -> tortoise.encodeVotes(LayerId.of(num(e, "layer")));
            case "updates" -> tortoise.updates();
            case "applied" -> tortoise.onApplied(LayerId.of(num(e, "layer")), Hash32.ofHex(str(e, "opinion")));
            case "mode" -> tortoise.mode();
            case "latest_complete" -> tortoise.latestComplete();
            case "recover" -> tortoise.recoverFrom(LayerId.of(num(e, "layer")), Hash32.ofHex(str(e, "opinion")),
                    Hash32.ofHex(str(e, "prev")));
            default -> throw new TraceFormatException("unknown call " + type);
        }
    }

    private static BallotInput ballot(Map<String, Object> e) throws TraceFormatException {
        Object ed = e.get("epoch_data");
        Optional<EpochData> epochData = Optional.empty();
        if (ed != null) {
            Map<String, Object> m = obj(ed);
            epochData = Optional.of(new EpochData(Bytes.ofHex(str(m, "beacon")), num(m, "eligibilities")));
        }
        Object ref = e.get("ref");
        Map<String, Object> o = obj(e.get("opinion"));
        List<LayerId> abstain = new ArrayList<>();
        for (Object l : list(o.get("abstain"))) {
            abstain.add(LayerId.of(asLong(l)));
        }
        Votes votes = new Votes(BallotId.ofHex(str(o, "base")), headers(o.get("support")), headers(o.get("against")),
                abstain);
        return new BallotInput(BallotId.ofHex(str(e, "id")), LayerId.of(num(e, "layer")),
                NodeId.ofHex(str(e, "smesher")), AtxId.ofHex(str(e, "atx")), num(e, "eligibilities"),
                new Opinion(Hash32.ofHex(str(o, "hash")), votes), epochData,
                ref == null ? Optional.empty() : Optional.of(BallotId.ofHex((String) ref)), bool(e, "malicious"));
    }

    private static List<BlockHeader> headers(Object v) throws TraceFormatException {
        List<BlockHeader> out = new ArrayList<>();
        for (Object h : list(v)) {
            out.add(header(obj(h)));
        }
        return out;
    }

    private static BlockHeader header(Map<String, Object> e) throws TraceFormatException {
        return new BlockHeader(BlockId.ofHex(str(e, "id")), LayerId.of(num(e, "layer")), num(e, "height"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> obj(Object v) throws TraceFormatException {
        if (v instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new TraceFormatException("expected an object");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object v) throws TraceFormatException {
        if (v instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new TraceFormatException("expected an array");
    }

    private static String str(Map<String, Object> e, String key) throws TraceFormatException {
        if (e.get(key) instanceof String s) {
            return s;
        }
        throw new TraceFormatException("field " + key + " must be a string");
    }

    private static boolean bool(Map<String, Object> e, String key) throws TraceFormatException {
        if (e.get(key) instanceof Boolean b) {
            return b;
        }
        throw new TraceFormatException("field " + key + " must be a boolean");
    }

    private static int integer(Map<String, Object> e, String key) throws TraceFormatException {
        long v = num(e, key);
        if (v > Integer.MAX_VALUE) {
            throw new TraceFormatException("field " + key + " out of range");
        }
        return (int) v;
    }

    /** A non-negative integer up to 2^64-1, as the bits of a long (heights are uint64). */
    private static long num(Map<String, Object> e, String key) throws TraceFormatException {
        Object v = e.get(key);
        if (v == null) {
            throw new TraceFormatException("missing field " + key);
        }
        return asLong(v);
    }

    private static long asLong(Object v) throws TraceFormatException {
        if (v instanceof BigInteger b && b.signum() >= 0 && b.bitLength() <= 64) {
            return b.longValue();
        }
        throw new TraceFormatException("expected an unsigned 64-bit integer, got " + v);
    }
}
