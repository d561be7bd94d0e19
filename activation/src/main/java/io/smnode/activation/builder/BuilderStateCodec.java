package io.smnode.activation.builder;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.NIPostChallenge;
import io.smnode.activation.NIPostChallengeV1;
import io.smnode.activation.PostV1;
import io.smnode.activation.builder.BuilderPhase.AwaitingProofs;
import io.smnode.activation.builder.BuilderPhase.Built;
import io.smnode.activation.builder.BuilderPhase.Idle;
import io.smnode.activation.builder.BuilderPhase.Positioning;
import io.smnode.activation.builder.BuilderPhase.ProofCandidate;
import io.smnode.activation.builder.BuilderPhase.Proving;
import io.smnode.activation.builder.BuilderPhase.Registering;
import io.smnode.activation.builder.BuilderPhase.Registration;
import io.smnode.activation.v2.ActivationTxV2;
import io.smnode.activation.v2.NIPostChallengeV2;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.codec.ScaleReader;
import io.smnode.core.codec.ScaleWriter;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The builder state's own storage format (not a network format): SCALE, a phase as a one-byte tag followed by its
 * fields, an ATX or challenge as a one-byte version tag (1, 2) followed by its wire bytes, instants as i64 seconds
 * (LE) and u32 nanoseconds (LE), PoET names as strings of at most 256 bytes, per-identity lists of at most 256.
 */
final class BuilderStateCodec {
    /** An ATX nests options four deep inside the optional last ATX and a phase. */
    static final int MAX_NESTED = 8;
    private static final int MAX_POETS = 64;
    private static final int MAX_MEMBERS = 256;
    private static final long MAX_NAME = 256;
    private static final int V1 = 1;
    private static final int V2 = 2;

    private BuilderStateCodec() {}

    private static final ScaleCodec<Instant> INSTANT = ScaleCodec.of(
            (w, t) -> {
                w.field("Seconds", ScaleCodecs.U64_LE, t.getEpochSecond());
                w.field("Nanos", ScaleCodecs.U32_LE, (long) t.getNano());
            },
            r -> {
                long seconds = r.field("Seconds", ScaleCodecs.U64_LE);
                long nanos = r.field("Nanos", ScaleCodecs.U32_LE);
                if (seconds < Instant.MIN.getEpochSecond() || seconds > Instant.MAX.getEpochSecond()
                        || nanos > 999_999_999L) {
                    throw r.error(ScaleException.Reason.INVALID_VALUE, r.position(), "instant out of range");
                }
                return Instant.ofEpochSecond(seconds, nanos);
            });

    private static final ScaleCodec<String> NAME = ScaleCodecs.string(MAX_NAME);

    private static final ScaleCodec<Integer> MEMBER = ScaleCodecs.map(ScaleCodecs.COMPACT_U32, Long::intValue,
            Integer::longValue);

    private static final ScaleCodec<Registration> REGISTRATION = ScaleCodec.of(
            (w, v) -> {
                w.field("Poet", NAME, v.poet());
                w.field("Member", MEMBER, v.member());
                w.field("Round", ScaleCodecs.COMPACT_U64, v.round());
                w.field("RoundEnd", INSTANT, v.roundEnd());
            },
            r -> new Registration(r.field("Poet", NAME), checkedMember(r, r.field("Member", MEMBER)),
                    r.field("Round", ScaleCodecs.COMPACT_U64), r.field("RoundEnd", INSTANT)));

    private static final ScaleCodec<ProofCandidate> CANDIDATE = ScaleCodec.of(
            (w, v) -> {
                w.field("Poet", NAME, v.poet());
                w.field("PoetRef", CoreCodecs.HASH32, v.poetRef());
                w.field("LeafCount", ScaleCodecs.COMPACT_U64, v.leafCount());
                w.field("LeafIndices", ScaleCodecs.slice(ScaleCodecs.COMPACT_U64, MAX_MEMBERS), v.leafIndices());
                w.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, 32), v.nodes());
            },
            r -> new ProofCandidate(r.field("Poet", NAME), r.field("PoetRef", CoreCodecs.HASH32),
                    r.field("LeafCount", ScaleCodecs.COMPACT_U64),
                    r.field("LeafIndices", ScaleCodecs.slice(ScaleCodecs.COMPACT_U64, MAX_MEMBERS)),
                    r.field("Nodes", ScaleCodecs.structSlice(CoreCodecs.HASH32, 32))));

    private static final ScaleCodec<NIPostChallenge> CHALLENGE = byVersion("Challenge", NIPostChallengeV1.class,
            NIPostChallengeV1.CODEC, NIPostChallengeV2.class, NIPostChallengeV2.CODEC);

    private static final ScaleCodec<ActivationTx> ATX = byVersion("Atx", ActivationTxV1.class, ActivationTxV1.CODEC,
            ActivationTxV2.class, ActivationTxV2.CODEC);

    /** A value of either version: a version byte (1, 2), then the value in its own encoding. */
    private static <T, A extends T, B extends T> ScaleCodec<T> byVersion(String field, Class<A> v1Type,
                                                                         ScaleCodec<A> v1, Class<B> v2Type,
                                                                         ScaleCodec<B> v2) {
        return ScaleCodec.of(
                (w, value) -> {
                    if (v1Type.isInstance(value)) {
                        w.field("Version", ScaleCodecs.U8, V1);
                        w.field(field, v1, v1Type.cast(value));
                    } else {
                        w.field("Version", ScaleCodecs.U8, V2);
                        w.field(field, v2, v2Type.cast(value));
                    }
                },
                r -> {
                    int start = r.position();
                    int version = r.field("Version", ScaleCodecs.U8);
                    return switch (version) {
                        case V1 -> r.field(field, v1);
                        case V2 -> r.field(field, v2);
                        default -> throw r.error(ScaleException.Reason.INVALID_VALUE, start,
                                "unknown version " + version);
                    };
                });
    }

    private static final ScaleCodec<List<NIPostChallenge>> CHALLENGES = ScaleCodecs.structSlice(CHALLENGE,
            MAX_MEMBERS);
    private static final ScaleCodec<List<Registration>> REGISTRATIONS =
            ScaleCodecs.structSlice(REGISTRATION, (long) MAX_POETS * MAX_MEMBERS);
    private static final ScaleCodec<List<ProofCandidate>> CANDIDATES =
            ScaleCodecs.structSlice(CANDIDATE, MAX_POETS);
    private static final ScaleCodec<List<String>> NAMES = ScaleCodecs.slice(NAME, MAX_POETS);
    private static final ScaleCodec<List<Optional<PostV1>>> POSTS =
            ScaleCodecs.structSlice(ScaleCodecs.option(PostV1.CODEC), MAX_MEMBERS);

    private static final int IDLE = 0;
    private static final int POSITIONING = 1;
    private static final int REGISTERING = 2;
    private static final int AWAITING_PROOFS = 3;
    private static final int PROVING = 4;
    private static final int BUILT = 5;

    static final ScaleCodec<BuilderPhase> PHASE = ScaleCodec.of(BuilderStateCodec::encodePhase,
            BuilderStateCodec::decodePhase);

    static final ScaleCodec<BuilderState> STATE = ScaleCodec.of(
            (w, s) -> {
                w.field("LastPublished", ScaleCodecs.option(ATX), s.lastPublished());
                w.field("Phase", PHASE, s.phase());
            },
            r -> new BuilderState(r.field("LastPublished", ScaleCodecs.option(ATX)), r.field("Phase", PHASE)));

    private static int checkedMember(ScaleReader r, int member) throws ScaleException {
        if (member < 0 || member >= MAX_MEMBERS) {
            throw r.error(ScaleException.Reason.INVALID_VALUE, r.position(), "member " + member + " out of range");
        }
        return member;
    }

    private static void encodePhase(ScaleWriter w, BuilderPhase phase) {
        if (phase instanceof Idle) {
            w.field("Tag", ScaleCodecs.U8, IDLE);
        } else if (phase instanceof Positioning p) {
            w.field("Tag", ScaleCodecs.U8, POSITIONING);
            w.field("PublishEpoch", CoreCodecs.EPOCH_ID, p.publishEpoch());
        } else if (phase instanceof Registering p) {
            w.field("Tag", ScaleCodecs.U8, REGISTERING);
            w.field("Challenges", CHALLENGES, p.challenges());
            w.field("Registrations", REGISTRATIONS, p.registrations());
        } else if (phase instanceof AwaitingProofs p) {
            w.field("Tag", ScaleCodecs.U8, AWAITING_PROOFS);
            w.field("Challenges", CHALLENGES, p.challenges());
            w.field("Registrations", REGISTRATIONS, p.registrations());
            w.field("Candidates", CANDIDATES, p.candidates());
            w.field("AnsweredWithout", NAMES, p.answeredWithout());
        } else if (phase instanceof Proving p) {
            w.field("Tag", ScaleCodecs.U8, PROVING);
            w.field("Challenges", CHALLENGES, p.challenges());
            w.field("Chosen", CANDIDATE, p.chosen());
            w.field("Posts", POSTS, p.posts());
        } else if (phase instanceof Built p) {
            w.field("Tag", ScaleCodecs.U8, BUILT);
            w.field("Atx", ATX, p.atx());
        } else {
            throw new IllegalStateException("unknown phase " + phase);
        }
    }

    private static BuilderPhase decodePhase(ScaleReader r) throws ScaleException {
        int start = r.position();
        int tag = r.field("Tag", ScaleCodecs.U8);
        return switch (tag) {
            case IDLE -> new Idle();
            case POSITIONING -> new Positioning(r.field("PublishEpoch", CoreCodecs.EPOCH_ID));
            case REGISTERING -> new Registering(r.field("Challenges", CHALLENGES),
                    r.field("Registrations", REGISTRATIONS));
            case AWAITING_PROOFS -> new AwaitingProofs(r.field("Challenges", CHALLENGES),
                    r.field("Registrations", REGISTRATIONS), r.field("Candidates", CANDIDATES),
                    r.field("AnsweredWithout", NAMES));
            case PROVING -> new Proving(r.field("Challenges", CHALLENGES), r.field("Chosen", CANDIDATE),
                    r.field("Posts", POSTS));
            case BUILT -> new Built(r.field("Atx", ATX));
            default -> throw r.error(ScaleException.Reason.INVALID_VALUE, start, "unknown builder phase " + tag);
        };
    }
}
