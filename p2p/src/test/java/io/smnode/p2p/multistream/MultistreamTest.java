package io.smnode.p2p.multistream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.util.Hex;
import io.smnode.p2p.wire.WireException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultistreamTest {
    @Test
    void theDialerWritesHeaderAndProposalInOneGoAsCapturedFromJs() {
        Multistream d = Multistream.dialer(List.of("/noise"));
        // spec 10 §5.6: the js dialer's first write, 28 bytes.
        assertEquals("13" + Hex.encode("/multistream/1.0.0\n".getBytes()) + "07" + Hex.encode("/noise\n".getBytes()),
                Hex.encode(d.takeOutput()));
        assertEquals("036e610a", Hex.encode(Multistream.line("na")));
    }

    @Test
    void negotiationFallsBackOnNaAndKeepsPipelinedData() {
        Multistream d = Multistream.dialer(List.of("as/1", "hs/1"));
        Multistream l = Multistream.listener(Set.of("hs/1")::contains);
        byte[] toListener = d.takeOutput();
        l.receive(toListener);
        d.receive(l.takeOutput());
        assertTrue(d.selected().isEmpty());
        l.receive(d.takeOutput());
        assertEquals("hs/1", l.selected().orElseThrow());
        byte[] answer = l.takeOutput();
        byte[] withData = new byte[answer.length + 2];
        System.arraycopy(answer, 0, withData, 0, answer.length);
        withData[answer.length] = 42;
        withData[answer.length + 1] = 43;
        d.receive(withData);
        assertEquals("hs/1", d.selected().orElseThrow());
        assertArrayEquals(new byte[] {42, 43}, d.remaining());
    }

    @Test
    void noCommonProtocolAndMalformedLinesFail() {
        Multistream d = Multistream.dialer(List.of("/tls/1.0.0"));
        Multistream l = Multistream.listener("/noise"::equals);
        l.receive(d.takeOutput());
        assertThrows(NegotiationException.class, () -> d.receive(l.takeOutput()));
        Multistream wrongHeader = Multistream.listener(p -> true);
        assertThrows(WireException.class, () -> wrongHeader.receive(Multistream.line("/multistream/2.0.0")));
        Multistream noNewline = Multistream.listener(p -> true);
        assertThrows(WireException.class, () -> noNewline.receive(Hex.decode("02616161")));
        Multistream tooLong = Multistream.listener(p -> true);
        assertThrows(WireException.class, () -> tooLong.receive(Hex.decode("ff7f")));
    }

    @Test
    void aListenerGivesUpOnAPeerThatKeepsGuessing() {
        Multistream l = Multistream.listener(p -> false);
        l.receive(Multistream.line(Multistream.HEADER));
        assertThrows(NegotiationException.class, () -> {
            for (int i = 0; i < 100; i++) {
                l.receive(Multistream.line("/guess/" + i));
            }
        });
    }
}
