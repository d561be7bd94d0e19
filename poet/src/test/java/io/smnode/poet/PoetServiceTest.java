package io.smnode.poet;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PoetServiceTest {
    private static final Instant GENESIS = Instant.parse("2026-01-01T00:00:00Z");
    /** The poet defaults of spec 09 §9: E 30 s, P 15 s, G 10 s. */
    private static final RoundSchedule SCHEDULE = new RoundSchedule(GENESIS, Duration.ofSeconds(30),
            Duration.ofSeconds(15), Duration.ofSeconds(10));
    private static final Bytes GENESIS_PREFIX = Bytes.wrap(new byte[20]);
    private static final PowParams POW = new PowParams(Bytes.wrap(filled(32, 9)), 4);
    private static final EdSigner CERTIFIER = EdSigner.fromSeed(filled(32, 77), Bytes.EMPTY);
    private static final Instant IN_ROUND_0 = GENESIS.plusSeconds(1);

    private static byte[] filled(int n, int v) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) v);
        return b;
    }

    private static EdSigner node(int i) {
        return EdSigner.fromSeed(filled(32, i), GENESIS_PREFIX);
    }

    private static PoetConfig config(long maxMembers, Optional<CertifierConfig> certifier) {
        return new PoetConfig(SCHEDULE, Bytes.wrap(filled(32, 1)), 300, maxMembers, POW, certifier);
    }

    private static PoetService service(RegistrationStore store, long maxMembers, Instant now) {
        return new PoetService(config(maxMembers, Optional.empty()), store, r -> new MemoryTreeStore(), now);
    }

    /** A request as go-spacemesh builds it: prefix = genesis prefix || POET domain, PoW solved for the params. */
    private static SubmitRequest request(EdSigner signer, Bytes challenge, PowParams pow) {
        byte[] prefix = Arrays.copyOf(GENESIS_PREFIX.toByteArray(), GENESIS_PREFIX.length() + 1);
        prefix[prefix.length - 1] = (byte) Domain.POET.value();
        long nonce = Pow.solve(pow.challenge().toByteArray(), signer.nodeId().toByteArray(),
                challenge.toByteArray(), pow.difficulty());
        return new SubmitRequest(Bytes.wrap(prefix), challenge, Bytes.of(signer.nodeId().toByteArray()),
                Bytes.of(signer.sign(Domain.POET, challenge.toByteArray()).toByteArray()), nonce, pow,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static SubmitRequest request(EdSigner signer, Bytes challenge) {
        return request(signer, challenge, POW);
    }

    private static Bytes challenge(int v) {
        return Bytes.wrap(filled(32, v));
    }

    private static RejectReason rejected(SubmitResult r) {
        return assertInstanceOf(SubmitResult.Rejected.class, r).reason();
    }

    @Test
    void acceptsIntoTheOpenRoundWithTimeLeft() {
        PoetService s = service(new MemoryRegistrationStore(), 10, IN_ROUND_0);
        SubmitResult.Accepted a = assertInstanceOf(SubmitResult.Accepted.class,
                s.submit(request(node(2), challenge(5)), IN_ROUND_0));
        assertEquals(0, a.round());
        assertEquals("0", a.roundId());
        assertEquals(Duration.between(IN_ROUND_0, SCHEDULE.roundEnd(0)), a.roundEnd());
        Instant later = SCHEDULE.roundStart(0);
        assertEquals(1, assertInstanceOf(SubmitResult.Accepted.class,
                s.submit(request(node(3), challenge(5)), later)).round());
    }

    @Test
    void checksRunInTheReferenceOrder() {
        PoetService s = service(new MemoryRegistrationStore(), 10, IN_ROUND_0);
        SubmitRequest ok = request(node(2), challenge(5));
        // Bad key and bad signature together: the key is checked first.
        SubmitRequest badKey = new SubmitRequest(ok.prefix(), ok.challenge(), Bytes.wrap(new byte[31]),
                Bytes.wrap(new byte[64]), ok.nonce(), ok.powParams(), Optional.empty(), Optional.empty(),
                Optional.empty());
        assertEquals(RejectReason.INVALID_PUBKEY, rejected(s.submit(badKey, IN_ROUND_0)));
        // Signature over the challenge without the domain prefix: bad signature, even with a bad PoW too.
        SubmitRequest noPrefix = new SubmitRequest(Bytes.EMPTY, ok.challenge(), ok.pubkey(), ok.signature(), 0,
                new PowParams(Bytes.EMPTY, 0), Optional.empty(), Optional.empty(), Optional.empty());
        assertEquals(RejectReason.INVALID_SIGNATURE, rejected(s.submit(noPrefix, IN_ROUND_0)));
        SubmitRequest badHint = withHint(ok, Bytes.wrap(new byte[3]));
        assertEquals(RejectReason.INVALID_CERTIFICATE_HINT, rejected(s.submit(badHint, IN_ROUND_0)));
        SubmitRequest staleParams = request(node(2), challenge(5), new PowParams(Bytes.wrap(filled(32, 8)), 4));
        assertEquals(RejectReason.INVALID_POW_PARAMS, rejected(s.submit(staleParams, IN_ROUND_0)));
        SubmitRequest badNonce = withNonce(ok, wrongNonce(ok));
        assertEquals(RejectReason.INVALID_POW, rejected(s.submit(badNonce, IN_ROUND_0)));
        SubmitRequest tooLate = withDeadline(ok, SCHEDULE.roundEnd(0).minusSeconds(1));
        assertEquals(RejectReason.TOO_LATE, rejected(s.submit(tooLate, IN_ROUND_0)));
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(withDeadline(ok, SCHEDULE.roundEnd(0)), IN_ROUND_0));
        // Same key, same challenge: idempotent; same key, other challenge: conflict.
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(ok, IN_ROUND_0));
        assertEquals(RejectReason.CONFLICTING_REGISTRATION,
                rejected(s.submit(request(node(2), challenge(6)), IN_ROUND_0)));
    }

    @Test
    void fullRoundRefusesEvenARepeat() {
        PoetService s = service(new MemoryRegistrationStore(), 2, IN_ROUND_0);
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(2), challenge(5)), IN_ROUND_0));
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(3), challenge(5)), IN_ROUND_0));
        assertEquals(RejectReason.ROUND_FULL, rejected(s.submit(request(node(4), challenge(5)), IN_ROUND_0)));
        // As the reference: the cap is checked before the duplicate lookup.
        assertEquals(RejectReason.ROUND_FULL, rejected(s.submit(request(node(2), challenge(5)), IN_ROUND_0)));
    }

    @Test
    void certificatesWhenACertifierIsConfigured() {
        Bytes certifierKey = Bytes.of(CERTIFIER.nodeId().toByteArray());
        CertifierConfig cc = new CertifierConfig("http://certifier", Optional.of(certifierKey), List.of());
        PoetService s = new PoetService(config(10, Optional.of(cc)), new MemoryRegistrationStore(),
                r -> new MemoryTreeStore(), IN_ROUND_0);
        EdSigner n = node(2);
        SubmitRequest noPow = withNonce(request(n, challenge(5)), wrongNonce(request(n, challenge(5))));
        Bytes hint = Bytes.wrap(Arrays.copyOf(certifierKey.toByteArray(), 4));
        // Valid certificate: the (wrong) PoW is not looked at, with or without the hint.
        SubmitRequest withCert = withCert(noPow, certificate(n, Optional.empty()));
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(withCert, IN_ROUND_0));
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(withHint(withCert, hint), IN_ROUND_0));
        // Unknown hint, another node's certificate, an expired one, a forged signature.
        assertEquals(RejectReason.INVALID_CERTIFICATE,
                rejected(s.submit(withHint(withCert, Bytes.wrap(new byte[4])), IN_ROUND_0)));
        assertEquals(RejectReason.INVALID_CERTIFICATE,
                rejected(s.submit(withCert(noPow, certificate(node(3), Optional.empty())), IN_ROUND_0)));
        long past = IN_ROUND_0.getEpochSecond() - 1;
        assertEquals(RejectReason.INVALID_CERTIFICATE,
                rejected(s.submit(withCert(noPow, certificate(n, Optional.of(past))), IN_ROUND_0)));
        long future = IN_ROUND_0.getEpochSecond() + 3600;
        assertInstanceOf(SubmitResult.Accepted.class,
                s.submit(withCert(noPow, certificate(n, Optional.of(future))), IN_ROUND_0));
        OpaqueCertificate good = certificate(n, Optional.empty());
        OpaqueCertificate forged = new OpaqueCertificate(good.data(), Bytes.wrap(new byte[64]));
        assertEquals(RejectReason.INVALID_CERTIFICATE, rejected(s.submit(withCert(noPow, forged), IN_ROUND_0)));
        // No certificate offered: the PoW path, which this request fails.
        assertEquals(RejectReason.INVALID_POW, rejected(s.submit(noPow, IN_ROUND_0)));
        assertEquals(Optional.of(new PoetInfo.Certifier("http://certifier", certifierKey)), s.info().certifier());
    }

    @Test
    void roundEndProducesAVerifiableProofForEveryMember() throws Exception {
        PoetService s = service(new MemoryRegistrationStore(), 10, IN_ROUND_0);
        List<EdSigner> nodes = List.of(node(9), node(2), node(5));
        for (int i = 0; i < nodes.size(); i++) {
            assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(nodes.get(i), challenge(40 + i)),
                    IN_ROUND_0));
        }
        assertEquals(List.of(), s.advance(SCHEDULE.roundEnd(0).minusNanos(1)));
        assertTrue(s.proof(0).isEmpty());
        List<RoundProof> made = s.advance(SCHEDULE.roundEnd(0));
        assertEquals(1, made.size());
        RoundProof rp = s.proof(0).orElseThrow();
        assertEquals(made.get(0), rp);
        assertEquals(300, rp.proof().leafCount());
        // Members in ascending node-id order.
        List<Bytes> keys = new ArrayList<>();
        nodes.forEach(n -> keys.add(Bytes.of(n.nodeId().toByteArray())));
        List<Bytes> sorted = new ArrayList<>(keys);
        sorted.sort(null);
        List<Bytes> expectedMembers = new ArrayList<>();
        for (Bytes k : sorted) {
            expectedMembers.add(challenge(40 + keys.indexOf(k)));
        }
        assertEquals(expectedMembers, rp.members());
        Bytes statement = rp.statement();
        assertDoesNotThrow(() -> PoetVerifier.verify(rp.proof().merkleProof(), statement, rp.proof().leafCount()));
        for (int i = 0; i < rp.members().size(); i++) {
            MembershipTree.verify(rp.members().get(i), MembershipTree.proof(rp.members(), i), statement);
        }
        // PoW challenge rotates to the proof's root; the previous parameters still count.
        assertEquals(new PowParams(rp.proof().merkleProof().root(), POW.difficulty()), s.powParams());
        // At RoundStart(1) round 1 closes and round 2 opens.
        Instant inRound2 = SCHEDULE.roundStart(1);
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(2), challenge(1)), inRound2));
        assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(3), challenge(1), s.powParams()),
                inRound2));
        // Round 1 had no registration yet still gets a proof (empty statement); round 2 is not due yet.
        s.advance(SCHEDULE.roundEnd(1));
        RoundProof empty = s.proof(1).orElseThrow();
        assertEquals(List.of(), empty.members());
        assertEquals(Bytes.EMPTY, empty.statement());
        assertDoesNotThrow(() -> PoetVerifier.verify(empty.proof().merkleProof(), Bytes.EMPTY, 300));
        assertTrue(s.proof(2).isEmpty());
        s.advance(SCHEDULE.roundEnd(2));
        assertEquals(2, s.proof(2).orElseThrow().members().size());
    }

    @Test
    void restartMidRoundLosesNoRegistration(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("registrations.log");
        try (FileRegistrationStore store = new FileRegistrationStore(file)) {
            PoetService s = service(store, 10, IN_ROUND_0);
            assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(2), challenge(5)), IN_ROUND_0));
            assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(3), challenge(6)), IN_ROUND_0));
        }
        // A crash in the middle of a later append leaves a torn record behind.
        Files.write(file, new byte[] {40, 0, 0, 0, 1, 2, 3}, StandardOpenOption.APPEND);
        Instant afterRestart = IN_ROUND_0.plusSeconds(5);
        try (FileRegistrationStore store = new FileRegistrationStore(file)) {
            PoetService s = service(store, 10, afterRestart);
            assertEquals(RejectReason.CONFLICTING_REGISTRATION,
                    rejected(s.submit(request(node(2), challenge(7)), afterRestart)));
            assertInstanceOf(SubmitResult.Accepted.class, s.submit(request(node(4), challenge(8)), afterRestart));
            s.advance(SCHEDULE.roundEnd(0));
            assertEquals(3, s.proof(0).orElseThrow().members().size());
        }
        try (FileRegistrationStore store = new FileRegistrationStore(file)) {
            PoetService s = service(store, 10, SCHEDULE.roundEnd(0));
            RoundProof rp = s.proof(0).orElseThrow();
            assertEquals(3, rp.members().size());
            // The PoW challenge after a restart is still the last proof's root.
            assertEquals(rp.proof().merkleProof().root(), s.powParams().challenge());
        }
    }

    private static long wrongNonce(SubmitRequest r) {
        for (long n = 0; ; n++) {
            if (!Pow.verify(POW.challenge().toByteArray(), r.pubkey().toByteArray(), r.challenge().toByteArray(), n,
                    POW.difficulty())) {
                return n;
            }
        }
    }

    private static OpaqueCertificate certificate(EdSigner n, Optional<Long> expiry) {
        byte[] data = new Certificate(Bytes.of(n.nodeId().toByteArray()), expiry).encode();
        return new OpaqueCertificate(Bytes.wrap(data), Bytes.of(CERTIFIER.signTransaction(data).toByteArray()));
    }

    private static SubmitRequest withHint(SubmitRequest r, Bytes hint) {
        return new SubmitRequest(r.prefix(), r.challenge(), r.pubkey(), r.signature(), r.nonce(), r.powParams(),
                r.certificate(), Optional.of(hint), r.deadline());
    }

    private static SubmitRequest withNonce(SubmitRequest r, long nonce) {
        return new SubmitRequest(r.prefix(), r.challenge(), r.pubkey(), r.signature(), nonce, r.powParams(),
                r.certificate(), r.certificatePubkeyHint(), r.deadline());
    }

    private static SubmitRequest withDeadline(SubmitRequest r, Instant deadline) {
        return new SubmitRequest(r.prefix(), r.challenge(), r.pubkey(), r.signature(), r.nonce(), r.powParams(),
                r.certificate(), r.certificatePubkeyHint(), Optional.of(deadline));
    }

    private static SubmitRequest withCert(SubmitRequest r, OpaqueCertificate cert) {
        return new SubmitRequest(r.prefix(), r.challenge(), r.pubkey(), r.signature(), r.nonce(), r.powParams(),
                Optional.of(cert), r.certificatePubkeyHint(), r.deadline());
    }
}
