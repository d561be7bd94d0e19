package io.smnode.p2p.multistream;

import io.smnode.p2p.wire.ByteQueue;
import io.smnode.p2p.wire.Frames;
import io.smnode.p2p.wire.WireException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * multistream-select 1.0 (libp2p connections spec): every message is {@code uvarint(len) ‖ utf8 ‖ '\n'}; both sides
 * send the header {@code /multistream/1.0.0}; the dialer proposes, the listener echoes what it takes or answers
 * {@code na}. The same negotiation runs on the raw socket (security), inside Noise (muxer) and on every yamux stream
 * (application protocol).
 *
 * <p>Pure: feed it bytes with {@link #receive}, send what {@link #takeOutput} returns. Bytes that arrive after the
 * selection (a dialer may pipeline its first data) are kept in {@link #remaining()}.
 */
public final class Multistream {
    public static final String HEADER = "/multistream/1.0.0";
    public static final String NA = "na";
    /** Longest line accepted, newline included (go-multistream and js use the same bound). */
    public static final int MAX_LINE = 1024;
    /** Proposals a listener answers before it gives up on a peer that guesses. */
    public static final int MAX_ATTEMPTS = 32;

    private final boolean dialer;
    private final List<String> proposals;
    private final Predicate<String> supported;
    private final ByteQueue in = new ByteQueue(MAX_LINE * 4 + 64 * 1024);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean headerSeen;
    private int proposalIndex;
    private int attempts;
    private String selected;

    private Multistream(boolean dialer, List<String> proposals, Predicate<String> supported) {
        this.dialer = dialer;
        this.proposals = proposals;
        this.supported = supported;
        write(HEADER);
        if (dialer) {
            // Header and first proposal in one write, as js and go do.
            write(proposals.get(0));
        }
    }

    /** The side that opened the connection or stream, proposing these protocols in order of preference. */
    public static Multistream dialer(List<String> protocols) {
        if (protocols.isEmpty()) {
            throw new IllegalArgumentException("nothing to propose");
        }
        return new Multistream(true, List.copyOf(protocols), p -> false);
    }

    /** The side that accepted, taking the first proposal {@code supported} allows. */
    public static Multistream listener(Predicate<String> supported) {
        return new Multistream(false, List.of(), supported);
    }

    /** Encodes one line: {@code uvarint(len+1) ‖ text ‖ '\n'}. */
    public static byte[] line(String text) {
        return Frames.lengthPrefixed((text + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void write(String text) {
        out.writeBytes(line(text));
    }

    /** Bytes to send now (possibly empty). */
    public byte[] takeOutput() {
        byte[] b = out.toByteArray();
        out.reset();
        return b;
    }

    public Optional<String> selected() {
        return Optional.ofNullable(selected);
    }

    /** Bytes received after the selection, for the next layer. */
    public byte[] remaining() {
        return in.takeAll();
    }

    /**
     * Consumes bytes from the peer.
     *
     * @throws WireException on a malformed line, an unexpected header, or no protocol in common
     */
    public void receive(byte[] data) {
        if (selected != null) {
            in.append(data);
            return;
        }
        in.append(data);
        while (selected == null) {
            String msg = nextLine();
            if (msg == null) {
                return;
            }
            if (!headerSeen) {
                if (!msg.equals(HEADER)) {
                    throw new WireException("expected " + HEADER + ", got '" + printable(msg) + "'");
                }
                headerSeen = true;
                continue;
            }
            if (dialer) {
                onAnswer(msg);
            } else {
                onProposal(msg);
            }
        }
    }

    private void onAnswer(String msg) {
        String proposed = proposals.get(proposalIndex);
        if (msg.equals(proposed)) {
            selected = proposed;
        } else if (msg.equals(NA)) {
            proposalIndex++;
            if (proposalIndex >= proposals.size()) {
                throw new NegotiationException("peer supports none of " + proposals);
            }
            write(proposals.get(proposalIndex));
        } else {
            throw new WireException("unexpected answer '" + printable(msg) + "' to '" + proposed + "'");
        }
    }

    private void onProposal(String msg) {
        if (++attempts > MAX_ATTEMPTS) {
            throw new NegotiationException("more than " + MAX_ATTEMPTS + " proposals");
        }
        if (!msg.equals(NA) && !msg.equals("ls") && supported.test(msg)) {
            selected = msg;
            write(msg);
        } else {
            write(NA);
        }
    }

    private String nextLine() {
        byte[] body = in.takeLengthPrefixed(MAX_LINE);
        if (body == null) {
            return null;
        }
        if (body.length == 0 || body[body.length - 1] != '\n') {
            throw new WireException("multistream message does not end in a newline");
        }
        return new String(body, 0, body.length - 1, StandardCharsets.UTF_8);
    }

    private static String printable(String s) {
        String t = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        return t.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
