package io.smnode.node.datadir;

import io.smnode.core.net.GenesisConfig;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Properties;

/**
 * Ties a data directory to one network. The first start writes the genesis (time and extra data) into the data
 * dir; later starts must agree with it, so a node can never mix two networks' state. A devnet without a configured
 * genesis time gets the first start's time (rounded up to a whole second) and keeps it across restarts.
 */
public final class NetworkBinding {
    private static final String TIME = "genesis-time";
    private static final String EXTRA = "genesis-extra-data";
    private static final String ID = "genesis-id";

    private NetworkBinding() {}

    /**
     * @param configuredTime the genesis time from the configuration, empty on a devnet
     * @param now the current time (an input, so that tests choose it)
     */
    public static GenesisConfig bind(Path networkFile, Optional<Instant> configuredTime, String extraData, Instant now) {
        Optional<GenesisConfig> stored = read(networkFile);
        if (stored.isPresent()) {
            GenesisConfig existing = stored.get();
            Instant wantedTime = configuredTime.orElse(existing.genesisTime());
            GenesisConfig wanted = new GenesisConfig(wantedTime, extraData);
            if (!wanted.genesisId().equals(existing.genesisId())) {
                throw new DataDirException("data dir " + networkFile.getParent() + " belongs to the network with genesis id "
                        + existing.genesisId().hex() + " (genesis " + existing.genesisTime() + ", extra data '" + existing.extraData()
                        + "') but the configuration gives genesis id " + wanted.genesisId().hex() + "; use another --data-dir.");
            }
            return existing;
        }
        Instant time = configuredTime.orElseGet(() -> roundUpToSecond(now));
        GenesisConfig genesis = new GenesisConfig(time, extraData);
        write(networkFile, genesis);
        return genesis;
    }

    static Instant roundUpToSecond(Instant t) {
        Instant floor = t.truncatedTo(ChronoUnit.SECONDS);
        return floor.equals(t) ? t : floor.plusSeconds(1);
    }

    private static Optional<GenesisConfig> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            throw new DataDirException("cannot read " + file + ": " + e.getMessage() + ".", e);
        }
        String time = p.getProperty(TIME);
        String extra = p.getProperty(EXTRA);
        if (time == null || extra == null) {
            throw new DataDirException(file + " is damaged (" + TIME + " or " + EXTRA + " is missing); restore it or use another --data-dir.");
        }
        try {
            return Optional.of(new GenesisConfig(Instant.parse(time), extra));
        } catch (DateTimeParseException e) {
            throw new DataDirException(file + " is damaged (" + TIME + " '" + time + "' is not a time); restore it or use another --data-dir.");
        }
    }

    /** Writes to a temporary file, syncs it, then renames it over the target: the file is whole or absent. */
    private static void write(Path file, GenesisConfig genesis) {
        Properties p = new Properties();
        p.setProperty(TIME, genesis.genesisTime().toString());
        p.setProperty(EXTRA, genesis.extraData());
        p.setProperty(ID, genesis.genesisId().hex());
        java.io.StringWriter text = new java.io.StringWriter();
        try {
            p.store(text, "The network this data dir belongs to. Written at the first start; do not edit.");
        } catch (IOException e) {
            throw new IllegalStateException("a StringWriter does not fail", e);
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new DataDirException("cannot write " + file + ": " + e.getMessage() + ".", e);
        }
    }
}
